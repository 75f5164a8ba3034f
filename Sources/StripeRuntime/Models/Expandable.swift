/// A reference to another Stripe object that arrives either as its bare identifier or, when the
/// request asked to expand it, as the full object.
///
/// Decodes from a JSON string or a JSON object and encodes back to the same shape.
public enum Expandable<Object: Codable & Hashable & Sendable & StripeIdentifiable>: Codable, Hashable, Sendable {
    /// Only the identifier was sent (the field was not expanded).
    case id(String)
    /// The whole object was sent (the field was expanded).
    case object(Object)

    /// The referenced object's identifier, available in both shapes.
    public var id: String {
        switch self {
        case .id(let id): id
        case .object(let object): object.id
        }
    }

    /// The expanded object, or `nil` when only the identifier was sent.
    public var object: Object? {
        switch self {
        case .id: nil
        case .object(let object): object
        }
    }

    /// Decodes a JSON string as `.id` and anything else as `.object`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let id = try? container.decode(String.self) {
            self = .id(id)
        } else {
            self = .object(try container.decode(Object.self))
        }
    }

    /// Encodes the identifier as a JSON string, or the object as itself.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .id(let id):
            var container = encoder.singleValueContainer()
            try container.encode(id)
        case .object(let object):
            try object.encode(to: encoder)
        }
    }
}
