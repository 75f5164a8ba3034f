/// Turns Stripe's snake_case and dotted names into Swift identifiers that read well and always compile.
enum SwiftNames {
    /// Words written in capitals inside identifiers, as Swift's API guidelines do for acronyms.
    private static let acronyms: [String: String] = [
        "id": "ID", "ids": "IDs", "url": "URL", "urls": "URLs", "api": "API", "ip": "IP", "iban": "IBAN",
    ]

    /// Words Swift reserves; identifiers equal to one of them are wrapped in backticks.
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows",
        "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default",
        "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch",
        "where", "while", "as", "false", "is", "nil", "self", "super", "throws", "true", "try", "Any", "Self",
        "Type", "Protocol", "some", "any", "await",
    ]

    /// Splits `checkout.session`, `client_reference_id` or `payment-method` into lowercase words, by `Character`:
    /// the path for names with non-ASCII bytes (`asciiIdentifier` builds the others without a word list).
    private static func words(_ name: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in name {
            if character.isLetter || character.isNumber {
                if character.isUppercase, !current.isEmpty, current.last?.isLowercase == true {
                    words.append(current)
                    current = ""
                }
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.map { $0.lowercased() }
    }

    private static func capitalized(_ word: String) -> String {
        if let acronym = acronyms[word] { return acronym }
        if let first = word.utf8.first, first < 0x80 {
            // ASCII first letter: upper-case it in place of `prefix(1).uppercased()`.
            guard first >= 0x61 && first <= 0x7A else { return word }
            var bytes = Array(word.utf8)
            bytes[0] = first & ~0x20
            return String(decoding: bytes, as: UTF8.self)
        }
        return word.prefix(1).uppercased() + word.dropFirst()
    }

    /// `checkout.session` -> `CheckoutSession`; a leading digit gets an underscore.
    static func typeName(_ name: String) -> String {
        if let ascii = asciiIdentifier(name, capitalizingFirstWord: true) { return ascii }
        var joined = ""
        for word in words(name) { joined += capitalized(word) }
        if joined.isEmpty { return "Value" }
        return startsWithNumber(joined) ? "_" + joined : joined
    }

    /// `client_reference_id` -> `clientReferenceID`, not yet escaped.
    static func memberName(_ name: String) -> String {
        if let ascii = asciiIdentifier(name, capitalizingFirstWord: false) { return ascii }
        let parts = words(name)
        guard let first = parts.first else { return "value" }
        let head = acronyms[first].map { $0 == "IDs" ? "ids" : $0.lowercased() } ?? first
        var joined = head
        for part in parts.dropFirst() { joined += capitalized(part) }
        return startsWithNumber(joined) ? "_" + joined : joined
    }

    /// `typeName` or `memberName` for ASCII names in one pass over the bytes, without the word array (they are
    /// recomputed for every property and enum value); nil when `name` has a non-ASCII byte.
    private static func asciiIdentifier(_ name: String, capitalizingFirstWord: Bool) -> String? {
        var name = name
        return name.withUTF8 { bytes -> String? in
            // Words keep their length (acronyms too) and separators are dropped, so the identifier is at most one
            // byte longer than the name: the `_` before a leading digit, kept free at index 0.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 1) { output -> String? in
                var count = 1
                var wordStart = -1
                var lastIsLower = false
                var isFirstWord = true
                func endWord() {
                    guard wordStart >= 0 else { return }
                    if capitalizingFirstWord || !isFirstWord { capitalize(output, from: wordStart, to: count) }
                    isFirstWord = false
                    wordStart = -1
                }
                for byte in bytes {
                    if byte >= 0x80 { return nil }
                    let isUpper = byte >= 0x41 && byte <= 0x5A
                    let isLower = byte >= 0x61 && byte <= 0x7A
                    let isDigit = byte >= 0x30 && byte <= 0x39
                    if isUpper || isLower || isDigit {
                        if isUpper, wordStart >= 0, lastIsLower { endWord() }
                        if wordStart < 0 { wordStart = count }
                        output[count] = isUpper ? byte | 0x20 : byte
                        count += 1
                        lastIsLower = isLower
                    } else if wordStart >= 0 {
                        endWord()
                        lastIsLower = false
                    }
                }
                endWord()
                if count == 1 { return capitalizingFirstWord ? "Value" : "value" }
                var start = 1
                if output[1] >= 0x30 && output[1] <= 0x39 {
                    output[0] = UInt8(ascii: "_")
                    start = 0
                }
                return String(decoding: UnsafeBufferPointer(rebasing: output[start..<count]), as: UTF8.self)
            }
        }
    }

    /// `capitalized` in place on the lowercase ASCII word `output[start..<end]`: an acronym (from `acronyms`) in
    /// capitals, otherwise the first letter.
    private static func capitalize(_ output: UnsafeMutableBufferPointer<UInt8>, from start: Int, to end: Int) {
        if end - start <= longestAcronym {
            let word = String(decoding: UnsafeBufferPointer(rebasing: output[start..<end]), as: UTF8.self)
            if let acronym = acronyms[word], acronym.utf8.count == end - start {
                for (offset, byte) in acronym.utf8.enumerated() { output[start + offset] = byte }
                return
            }
        }
        if output[start] >= 0x61 && output[start] <= 0x7A { output[start] &= ~0x20 }
    }

    /// Longer words are never acronyms, so they skip the lookup.
    private static let longestAcronym = acronyms.keys.map(\.utf8.count).max() ?? 0

    /// `identifier.first?.isNumber == true`, without building a `Character` for ASCII.
    private static func startsWithNumber(_ identifier: String) -> Bool {
        guard let first = identifier.utf8.first else { return false }
        if first < 0x80 { return first >= 0x30 && first <= 0x39 }
        return identifier.first?.isNumber == true
    }

    /// Wraps an identifier in backticks when Swift reserves it.
    static func escaped(_ identifier: String) -> String {
        keywords.contains(identifier) ? "`\(identifier)`" : identifier
    }

    /// `identifier` without the backticks `escaped` adds (every backtick removed, as in `replacingOccurrences`).
    static func bare(_ identifier: String) -> String {
        // Searched in the contiguous bytes: searching the `UTF8View` as a sequence goes byte by byte.
        var bytes = identifier
        guard bytes.withUTF8({ $0.contains(UInt8(ascii: "`")) }) else { return identifier }
        return String(decoding: identifier.utf8.filter { $0 != UInt8(ascii: "`") }, as: UTF8.self)
    }

    /// A Swift string literal for `text`.
    static func literal(_ text: String) -> String {
        // Nothing to escape (the usual case): quotes around the text. Scalars below 0x20 are exactly bytes below 0x20.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + text + "\""
        }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    result += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// `line_items` -> `line_item`: the element name for an array property.
    static func singular(_ name: String) -> String {
        if name.hasSuffix("ies") { return String(name.dropLast(3)) + "y" }
        if name.hasSuffix("sses") || name.hasSuffix("uses") || name.hasSuffix("xes") { return String(name.dropLast(2)) }
        if name.hasSuffix("ss") || name.hasSuffix("us") { return name }
        if name.hasSuffix("s") { return String(name.dropLast()) }
        return name
    }
}
