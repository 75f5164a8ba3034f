/// The readers and writers the generated `init(from:)` and `encode(to:)` call for plain fields. Each has one name
/// for every type, so the compiler picks it at once instead of weighing the standard library's overloads of
/// `decode`, `decodeIfPresent`, `encode` and `encodeIfPresent` at each of the thousands of generated calls (most of
/// those functions' type-checking time).
extension KeyedDecodingContainer {
    /// Reads a field that must be present and not `null`, as `decode(_:forKey:)` does.
    public func decodeField<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value {
        try decode(type, forKey: key)
    }

    /// Reads a field that may be absent or `null` (`nil` then), as `decodeIfPresent(_:forKey:)` does.
    public func decodeFieldIfPresent<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value? {
        try decodeIfPresent(type, forKey: key)
    }
}

extension KeyedEncodingContainer {
    /// Writes a field, as `encode(_:forKey:)` does.
    public mutating func encodeField<Value: Encodable>(_ value: Value, forKey key: Key) throws {
        try encode(value, forKey: key)
    }

    /// Writes a field when it has a value and leaves it out when it is `nil`, as `encodeIfPresent(_:forKey:)` does.
    public mutating func encodeFieldIfPresent<Value: Encodable>(_ value: Value?, forKey key: Key) throws {
        try encodeIfPresent(value, forKey: key)
    }
}
