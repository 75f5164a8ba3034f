/// A property's doc comment. A spec description is kept as written and wrapped only when printed, because
/// descriptions are long and many and printing runs on every core.
enum DocComment: Sendable {
    /// Lines ready to print.
    case lines([String])
    /// A description known to have words in its first paragraph, so its lines never need a fallback.
    case description(String)
    /// No description: one line of what the spec says about the field.
    case undocumented(FieldFacts)

    /// What the spec says about a field, for its doc line when it has no description.
    struct FieldFacts: Sendable {
        var name: String
        var required: Bool
        var nullable: Bool
        var maxLength: Int?
        var type: TypeRef

        /// "`name`: required, may be null, at most 5000 characters."
        var line: String {
            var facts: [String] = []
            if required { facts.append("required") }
            if nullable { facts.append("may be null") }
            if let maxLength { facts.append("at most \(maxLength) characters") }
            switch type {
            case .date: facts.append("a point in time, sent as unix seconds")
            case .expandable: facts.append("an id, or the whole object when expanded")
            case .unsettable: facts.append("`.unset` clears it")
            default: break
            }
            return "`\(name)`" + (facts.isEmpty ? "." : ": " + facts.joined(separator: ", ") + ".")
        }
    }

    var lines: [String] {
        switch self {
        case .lines(let lines): return lines
        case .description(let description): return Documentation.lines(description, fallback: "")
        case .undocumented(let facts): return [facts.line]
        }
    }
}
