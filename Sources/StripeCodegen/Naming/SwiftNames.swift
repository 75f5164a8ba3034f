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

    /// Splits `checkout.session`, `client_reference_id` or `payment-method` into lowercase words.
    static func words(_ name: String) -> [String] {
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
        return word.prefix(1).uppercased() + word.dropFirst()
    }

    /// `checkout.session` -> `CheckoutSession`; a leading digit gets an underscore.
    static func typeName(_ name: String) -> String {
        let joined = words(name).map(capitalized).joined()
        if joined.isEmpty { return "Value" }
        return joined.first?.isNumber == true ? "_" + joined : joined
    }

    /// `client_reference_id` -> `clientReferenceID`, not yet escaped.
    static func memberName(_ name: String) -> String {
        let parts = words(name)
        guard let first = parts.first else { return "value" }
        let head = acronyms[first].map { $0 == "IDs" ? "ids" : $0.lowercased() } ?? first
        let joined = head + parts.dropFirst().map(capitalized).joined()
        return joined.first?.isNumber == true ? "_" + joined : joined
    }

    /// Wraps an identifier in backticks when Swift reserves it.
    static func escaped(_ identifier: String) -> String {
        keywords.contains(identifier) ? "`\(identifier)`" : identifier
    }

    /// A Swift string literal for `text`.
    static func literal(_ text: String) -> String {
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

/// Hands out names that are unique in one scope, adding a suffix when a name is taken.
struct NameScope {
    private(set) var taken: Set<String>

    init(reserved: Set<String> = []) {
        taken = reserved
    }

    /// `base`, or `base` + `suffix`, or `base` + `suffix` + a number, whichever is free first.
    mutating func claim(_ base: String, suffix: String) -> String {
        if taken.insert(base).inserted { return base }
        if taken.insert(base + suffix).inserted { return base + suffix }
        var index = 2
        while !taken.insert("\(base)\(suffix)\(index)").inserted { index += 1 }
        return "\(base)\(suffix)\(index)"
    }
}
