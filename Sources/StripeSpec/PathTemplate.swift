/// A templated path such as `/v1/checkout/sessions/{session}/expire`, split into literal and placeholder parts.
public struct PathTemplate: Sendable, Hashable {
    /// One segment between slashes.
    public enum Segment: Sendable, Hashable {
        /// Fixed text, e.g. `sessions`.
        case literal(String)
        /// A `{name}` placeholder, by name without the braces.
        case placeholder(String)
    }

    /// The segments in path order.
    public var segments: [Segment]

    /// Splits `path` at its slashes into literal and placeholder segments.
    public init(_ path: String) {
        segments = path.split(separator: "/", omittingEmptySubsequences: true).map { part in
            if part.hasPrefix("{"), part.hasSuffix("}") {
                return .placeholder(String(part.dropFirst().dropLast()))
            }
            return .literal(String(part))
        }
    }

    /// The placeholder names in order.
    public var placeholders: [String] {
        segments.compactMap { if case .placeholder(let name) = $0 { return name } else { return nil } }
    }
}
