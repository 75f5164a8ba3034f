/// Collects lines of Swift with indentation; the renderers print into it. The text grows as UTF-8 bytes, which
/// appends by copying, and becomes a `String` once, when the file is done.
struct CodePrinter {
    private var bytes: [UInt8] = []
    /// How many levels deep the next line is indented.
    private(set) var depth = 0

    init() {
        // Most files fit, so the buffer rarely grows by copying.
        bytes.reserveCapacity(16 * 1024)
    }

    /// The text printed so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Where the text ends now: what prints next can be taken with `printed(since:)`.
    var end: Int { bytes.count }

    /// The bytes printed since `start`, an earlier `end`.
    func printed(since start: Int) -> [UInt8] { Array(bytes[start...]) }

    /// Appends bytes an earlier `printed(since:)` took, printed at the current depth.
    mutating func append(printed: [UInt8]) { bytes.append(contentsOf: printed) }

    /// Prints an empty line.
    mutating func line() {
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Prints one line at the current indentation; an empty line stays empty.
    mutating func line(_ content: CodeText) {
        if !content.isEmpty { indent() }
        content.append(to: &bytes)
        bytes.append(UInt8(ascii: "\n"))
    }

    private mutating func append(_ string: String) {
        bytes.append(utf8: string)
    }

    /// Appends the current indentation.
    private mutating func indent() {
        for _ in 0..<depth { bytes.append(contentsOf: Self.indentUnit) }
    }

    private static let indentUnit: [UInt8] = Array("    ".utf8)

    /// Prints `/// ` doc-comment lines.
    mutating func doc(_ lines: [String]) {
        for docLine in lines {
            indent()
            if docLine.isEmpty {
                append("///\n")
            } else {
                append("/// ")
                append(docLine)
                bytes.append(UInt8(ascii: "\n"))
            }
        }
    }

    /// Prints `lines` one level deeper than the current indentation.
    mutating func indented(_ lines: [String]) {
        depth += 1
        for content in lines { line(CodeText(content)) }
        depth -= 1
    }

    /// Prints `opening {`, the body one level deeper, then `}`.
    mutating func block(_ opening: CodeText, closing: String = "}", _ body: (inout CodePrinter) -> Void) {
        indent()
        opening.append(to: &bytes)
        append(opening.hasSuffix(" in") ? "\n" : " {\n")
        depth += 1
        body(&self)
        depth -= 1
        line(CodeText(closing))
    }

    /// Prints `extension name { ... }` with `body` as its members, a blank line apart from what came before.
    mutating func extensionBlock(_ name: String, _ body: (inout CodePrinter) -> Void) {
        if !bytes.isEmpty { line() }
        block("extension \(name)", body)
    }

    /// Prints the extensions collected in `coding` below a `// MARK: - Coding` line, or nothing when there are none.
    mutating func appendCoding(_ coding: CodePrinter) {
        guard !coding.bytes.isEmpty else { return }
        line()
        line("// MARK: - Coding")
        line()
        bytes.append(contentsOf: coding.bytes)
    }
}
