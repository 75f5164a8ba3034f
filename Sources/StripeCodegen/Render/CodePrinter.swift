/// Collects lines of Swift with indentation; the renderers print into it.
struct CodePrinter {
    private(set) var text = ""
    private var depth = 0

    /// Prints one line at the current indentation; an empty line stays empty.
    mutating func line(_ content: String = "") {
        if content.isEmpty {
            text += "\n"
        } else {
            text += String(repeating: "    ", count: depth) + content + "\n"
        }
    }

    /// Prints `/// ` doc-comment lines.
    mutating func doc(_ lines: [String]) {
        for docLine in lines { line(docLine.isEmpty ? "///" : "/// " + docLine) }
    }

    /// Prints `lines` one level deeper than the current indentation.
    mutating func indented(_ lines: [String]) {
        depth += 1
        for content in lines { line(content) }
        depth -= 1
    }

    /// Prints `opening {`, the body one level deeper, then `}`.
    mutating func block(_ opening: String, closing: String = "}", _ body: (inout CodePrinter) -> Void) {
        line(opening.hasSuffix(" in") ? opening : opening + " {")
        depth += 1
        body(&self)
        depth -= 1
        line(closing)
    }
}
