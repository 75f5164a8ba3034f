/// Encodes `Encodable` parameters the way Stripe reads form bodies and query strings.
///
/// Nested objects become `a[b][c]=v`, lists of objects are indexed (`line_items[0][price]=x`),
/// lists of scalars repeat with empty brackets (`expand[]=x`), an empty list is sent as `key=` to
/// clear it, dictionary keys are sorted, `nil` is left out, dates are unix seconds and decimals
/// plain decimal strings. Struct fields keep the order in which they are encoded.
public struct FormEncoder: Sendable {
    /// Creates an encoder; it holds no state.
    public init() {}

    /// The unescaped name/value pairs for `value`, which must encode as a keyed container; a map key
    /// that is empty or holds `[` or `]` throws an `invalidParameter` `StripeError`.
    public func encode<T: Encodable>(_ value: T) throws -> [FormField] {
        let root = FormNode()
        try FormValueEncoder.encode(value, into: root, codingPath: [])
        switch root.content {
        case .empty, .object:
            var fields: [FormField] = []
            try root.flatten(name: "", into: &fields)
            return fields
        case .scalar, .array:
            throw EncodingError.invalidValue(value, .init(
                codingPath: [],
                debugDescription: "Form parameters must be an object with named fields at the top level"
            ))
        }
    }

    /// The percent-encoded `name=value&…` text for `value`, ready for a request body or query.
    public func encodeBody<T: Encodable>(_ value: T) throws -> String {
        FormBody.serialize(try encode(value))
    }
}
