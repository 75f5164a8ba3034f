/// A coding key spelled the way the API spells the field (`"client_reference_id"`).
///
/// Generated models and params code against it with string literals instead of declaring a `CodingKeys` enum per
/// type: the same lookups, a fraction of the code for the compiler to build.
public struct FieldKey: CodingKey, ExpressibleByStringLiteral, Hashable, Sendable {
    /// The field's name on the wire.
    public let stringValue: String

    public init(stringValue: String) {
        self.stringValue = stringValue
    }

    public init(stringLiteral value: String) {
        self.stringValue = value
    }

    /// Stripe's objects are keyed by name only.
    public var intValue: Int? { nil }

    /// Stripe's objects are keyed by name only, so an integer key is refused.
    public init?(intValue: Int) {
        nil
    }

    /// The wire name, so decoding errors read `No value associated with key billing_details`.
    public var description: String { stringValue }
}
