#if Emulator
import StripeSpec

/// A model encoded the way Stripe writes objects: nullable fields that have no value appear as
/// `null` instead of being left out. Which fields are nullable comes from the spec.
struct NullFilled<Value: Encodable>: Encodable {
    var value: Value
    /// The top-level keys that are written as `null` unless the value sets them.
    var nullableKeys: [String]

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: NameKey.self)
        for key in nullableKeys {
            try container.encodeNil(forKey: NameKey(stringValue: key))
        }
        // The model writes into the same object, replacing the nulls it has values for.
        try value.encode(to: encoder)
    }

    /// The nullable property names of the component schema `name`.
    static func nullableKeys(of name: String, in document: OpenAPIDocument) -> [String] {
        guard let schema = document.schema(named: name).flatMap(document.resolve), let object = schema.object else { return [] }
        return object.properties.filter { property in
            property.schema.nullable || document.resolve(property.schema)?.nullable == true
        }.map(\.name)
    }
}

/// A coding key made from any name.
struct NameKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        nil
    }
}
#endif
