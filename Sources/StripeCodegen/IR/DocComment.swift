/// A property's doc comment. A spec description is kept as written and wrapped only when printed, because
/// descriptions are long and many and printing runs on every core.
enum DocComment: Sendable {
    /// Lines ready to print.
    case lines([String])
    /// A description known to have words in its first paragraph, so its lines never need a fallback.
    case description(String)

    var lines: [String] {
        switch self {
        case .lines(let lines): return lines
        case .description(let description): return Documentation.lines(description, fallback: "")
        }
    }
}
