/// A parameter that can either carry a value or ask Stripe to clear the field.
///
/// Stripe reads an empty string as "remove this value", so `.unset` encodes as `""`.
public enum Unsettable<Value: Encodable & Sendable>: Encodable, Sendable {
    /// Send this value.
    case set(Value)
    /// Clear the field (sent as an empty string).
    case unset

    /// The carried value, or `nil` for `.unset`.
    public var value: Value? {
        if case .set(let value) = self { return value }
        return nil
    }

    /// Encodes the value itself, or an empty string for `.unset`.
    ///
    /// The value goes through a single-value container so that encoders which treat some types
    /// specially (dates, decimals) still see its real type.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .set(let value):
            try container.encode(value)
        case .unset:
            try container.encode("")
        }
    }
}

extension Unsettable: Equatable where Value: Equatable {}
extension Unsettable: Hashable where Value: Hashable {}
