/// A templated path such as `/v1/checkout/sessions/{session}/expire`, split into literal and placeholder parts.
public struct PathTemplate: Sendable, Hashable {
    /// One segment between slashes.
    public enum Segment: Sendable, Hashable {
        case literal(String)
        case placeholder(String)
    }

    public var segments: [Segment]

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
