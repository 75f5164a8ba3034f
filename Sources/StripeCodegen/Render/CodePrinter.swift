/// Collects lines of Swift with indentation; the renderers print into it.
struct CodePrinter {
    private(set) var text = ""
    private var depth = 0

    /// Prints one line at the current indentation; an empty line stays empty.
    mutating func line(_ content: String = "") {
        if !content.isEmpty {
            indent()
            text += content
        }
        text += "\n"
    }

    /// Appends the current indentation, with no temporary string.
    private mutating func indent() {
        for _ in 0..<depth { text += "    " }
    }

    /// Prints `/// ` doc-comment lines.
    mutating func doc(_ lines: [String]) {
        for docLine in lines {
            indent()
            if docLine.isEmpty {
                text += "///\n"
            } else {
                text += "/// "
                text += docLine
                text += "\n"
            }
        }
    }

    /// Prints `lines` one level deeper than the current indentation.
    mutating func indented(_ lines: [String]) {
        depth += 1
        for content in lines { line(content) }
        depth -= 1
    }

    /// Prints `opening {`, the body one level deeper, then `}`.
    mutating func block(_ opening: String, closing: String = "}", _ body: (inout CodePrinter) -> Void) {
        indent()
        text += opening
        text += opening.hasSuffix(" in") ? "\n" : " {\n"
        depth += 1
        body(&self)
        depth -= 1
        line(closing)
    }
}
