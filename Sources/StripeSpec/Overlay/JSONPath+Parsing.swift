extension JSONPath {
    /// Parses `text`; throws where the expression leaves the supported subset, naming the character.
    static func parse(_ text: String) throws(JSONPathError) -> JSONPath {
        var scanner = Scanner(Array(text))
        try scanner.expect("$", "a JSONPath expression starts with '$'")
        var segments: [Segment] = []
        while let next = scanner.peek {
            switch next {
            case ".":
                scanner.advance()
                if scanner.peek == "." {
                    throw JSONPathError(offset: scanner.offset - 1, message: "recursive descent '..' is not supported")
                }
                if scanner.peek == "*" {
                    scanner.advance()
                    segments.append(.wildcard)
                } else {
                    segments.append(.name(try scanner.name()))
                }
            case "[":
                scanner.advance()
                segments.append(try scanner.bracketed())
            default:
                throw JSONPathError(offset: scanner.offset, message: "expected '.' or '[', found '\(next)'")
            }
        }
        return JSONPath(segments: segments, text: text)
    }

    /// Reads an expression character by character.
    private struct Scanner {
        let characters: [Character]
        var offset = 0

        init(_ characters: [Character]) {
            self.characters = characters
        }

        var peek: Character? { offset < characters.count ? characters[offset] : nil }

        mutating func advance() { offset += 1 }

        mutating func skipSpaces() {
            while peek == " " { advance() }
        }

        mutating func expect(_ character: Character, _ message: String) throws(JSONPathError) {
            guard peek == character else {
                throw JSONPathError(offset: offset, message: message)
            }
            advance()
        }

        /// A name after `.`: everything up to the next `.`, `[` or space.
        mutating func name() throws(JSONPathError) -> String {
            let start = offset
            while let character = peek, !".[] =)".contains(character) { advance() }
            guard offset > start else {
                throw JSONPathError(offset: start, message: "expected a name after '.'")
            }
            return String(characters[start..<offset])
        }

        /// What follows `[`, up to and including its `]`.
        mutating func bracketed() throws(JSONPathError) -> Segment {
            skipSpaces()
            let segment: Segment
            switch peek {
            case "'", "\"":
                segment = .name(try quoted())
            case "*":
                advance()
                segment = .wildcard
            case "?":
                advance()
                segment = try filter()
            case let character? where character.isASCII && character.isNumber:
                let start = offset
                while let digit = peek, digit.isASCII, digit.isNumber { advance() }
                guard let index = Int(String(characters[start..<offset])) else {
                    throw JSONPathError(offset: start, message: "the array index is too large")
                }
                segment = .index(index)
            case "-":
                throw JSONPathError(offset: offset, message: "negative array indexes are not supported")
            case let character?:
                throw JSONPathError(offset: offset, message: "expected a quoted name, '*', an index or a filter '?(...)' "
                                    + "after '[', found '\(character)'")
            case nil:
                throw JSONPathError(offset: offset, message: "unclosed '['")
            }
            skipSpaces()
            try expect("]", "expected ']'")
            return segment
        }

        /// A quoted string, `'...'` or `"..."`, with `\` escaping the next character.
        mutating func quoted() throws(JSONPathError) -> String {
            let start = offset
            guard let quote = peek else { throw JSONPathError(offset: offset, message: "expected a quote") }
            advance()
            var text = ""
            while let character = peek {
                advance()
                if character == quote { return text }
                if character == "\\" {
                    guard let escaped = peek else { break }
                    advance()
                    text.append(escaped)
                } else {
                    text.append(character)
                }
            }
            throw JSONPathError(offset: start, message: "unterminated string")
        }

        /// `(@.field == literal)`, after `?`.
        mutating func filter() throws(JSONPathError) -> Segment {
            try expect("(", "expected '(' after '?'")
            skipSpaces()
            try expect("@", "a filter compares a field of '@', the candidate")
            var field: [String] = []
            while true {
                if peek == "." {
                    advance()
                    field.append(try name())
                } else if peek == "[" {
                    advance()
                    skipSpaces()
                    guard peek == "'" || peek == "\"" else {
                        throw JSONPathError(offset: offset, message: "expected a quoted name in a filter's field")
                    }
                    field.append(try quoted())
                    skipSpaces()
                    try expect("]", "expected ']'")
                } else {
                    break
                }
            }
            guard !field.isEmpty else {
                throw JSONPathError(offset: offset, message: "a filter names a field: '@.name == ...'")
            }
            skipSpaces()
            let operatorStart = offset
            guard peek == "=" else {
                throw JSONPathError(offset: offset, message: "only '==' filters are supported")
            }
            advance()
            guard peek == "=" else {
                throw JSONPathError(offset: operatorStart, message: "only '==' filters are supported")
            }
            advance()
            skipSpaces()
            let value = try literal()
            skipSpaces()
            try expect(")", "expected ')' to close the filter")
            return .filter(field: field, value: value)
        }

        /// A string in quotes, a number, `true` or `false`.
        mutating func literal() throws(JSONPathError) -> Literal {
            if peek == "'" || peek == "\"" { return .string(try quoted()) }
            let start = offset
            while let character = peek, !" )]".contains(character) { advance() }
            let word = String(characters[start..<offset])
            switch word {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default:
                if let number = Double(word), !word.isEmpty { return .number(number) }
                throw JSONPathError(offset: start, message: word.isEmpty
                    ? "expected a literal: a quoted string, a number, true or false"
                    : "'\(word)' is not a literal: quote strings, as in '\(word)'")
            }
        }
    }
}
