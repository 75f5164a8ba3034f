/// A JSONPath expression of the subset overlays use: the root `$`, then children by name (`.paths`,
/// `['/v1/checkout/sessions']`), wildcards (`.*`, `[*]`), array indexes (`[0]`) and equality filters
/// (`[?(@.name == 'status')]`).
struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// One step from the nodes selected so far to the next ones.
    enum Segment: Sendable, Hashable {
        /// The value under a mapping key.
        case name(String)
        /// Every value of a mapping or item of a sequence.
        case wildcard
        /// The item at a 0-based position of a sequence.
        case index(Int)
        /// Every value or item whose field at `field` (a chain of names below `@`) equals `value`.
        case filter(field: [String], value: Literal)
    }

    /// A literal in a filter: a string, a number or a boolean.
    enum Literal: Sendable, Hashable {
        case string(String)
        case number(Double)
        case bool(Bool)
    }

    /// The segments after `$`, in order.
    var segments: [Segment]
    /// The expression as written.
    var text: String

    var description: String { text }
}

/// An expression that is not in the supported subset: what is wrong and at which character (0-based).
struct JSONPathError: Error, Sendable, Hashable {
    var offset: Int
    var message: String
}
