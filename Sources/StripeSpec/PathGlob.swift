/// A glob over names made of segments: `*` matches exactly one segment, `**` any number of trailing ones.
/// Paths use `/` (`/v1/checkout/sessions/*`), event types `.` (`checkout.session.*`).
public struct PathGlob: Sendable, Hashable {
    /// The glob as written (`/v1/checkout/sessions/**`).
    public var pattern: String
    /// What separates segments: `/` for paths, `.` for event types.
    public var separator: Character

    /// Creates a glob from `pattern`, its segments split at `separator` (`/` unless given).
    public init(_ pattern: String, separator: Character = "/") {
        self.pattern = pattern
        self.separator = separator
    }

    /// Whether `name` matches, segment by segment.
    public func matches(_ name: String) -> Bool {
        let patternParts = pattern.split(separator: separator)
        let nameParts = name.split(separator: separator)
        for (index, part) in patternParts.enumerated() {
            if part == "**" { return nameParts.count >= index }
            guard index < nameParts.count, part == "*" || part == nameParts[index] else { return false }
        }
        return patternParts.count == nameParts.count
    }
}
