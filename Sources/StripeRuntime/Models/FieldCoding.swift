/// The readers and writers the generated `init(from:)` and `encode(to:)` call for plain fields. Each has a name of its
/// own, so the compiler picks it at once instead of weighing the standard library's overloads of `decode`,
/// `decodeIfPresent`, `encode` and `encodeIfPresent` at each of the thousands of generated calls (most of those
/// functions' type-checking time). Strings, integers, numbers and booleans have helpers of their own, which call the
/// containers' methods for that type (quicker at run time than the generic path); other types use the generic ones.
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

extension KeyedDecodingContainer {
    /// Reads a string field that must be present and not `null`.
    public func decodeString(forKey key: Key) throws -> String { try decode(String.self, forKey: key) }
    /// Reads a string field that may be absent or `null`.
    public func decodeStringIfPresent(forKey key: Key) throws -> String? { try decodeIfPresent(String.self, forKey: key) }
    /// Reads an integer field that must be present and not `null`.
    public func decodeInt(forKey key: Key) throws -> Int { try decode(Int.self, forKey: key) }
    /// Reads an integer field that may be absent or `null`.
    public func decodeIntIfPresent(forKey key: Key) throws -> Int? { try decodeIfPresent(Int.self, forKey: key) }
    /// Reads a number field that must be present and not `null`.
    public func decodeDouble(forKey key: Key) throws -> Double { try decode(Double.self, forKey: key) }
    /// Reads a number field that may be absent or `null`.
    public func decodeDoubleIfPresent(forKey key: Key) throws -> Double? { try decodeIfPresent(Double.self, forKey: key) }
    /// Reads a boolean field that must be present and not `null`.
    public func decodeBool(forKey key: Key) throws -> Bool { try decode(Bool.self, forKey: key) }
    /// Reads a boolean field that may be absent or `null`.
    public func decodeBoolIfPresent(forKey key: Key) throws -> Bool? { try decodeIfPresent(Bool.self, forKey: key) }
}

extension KeyedEncodingContainer {
    /// Writes a string field.
    public mutating func encodeString(_ value: String, forKey key: Key) throws { try encode(value, forKey: key) }
    /// Writes a string field when it has a value.
    public mutating func encodeStringIfPresent(_ value: String?, forKey key: Key) throws { try encodeIfPresent(value, forKey: key) }
    /// Writes an integer field.
    public mutating func encodeInt(_ value: Int, forKey key: Key) throws { try encode(value, forKey: key) }
    /// Writes an integer field when it has a value.
    public mutating func encodeIntIfPresent(_ value: Int?, forKey key: Key) throws { try encodeIfPresent(value, forKey: key) }
    /// Writes a number field.
    public mutating func encodeDouble(_ value: Double, forKey key: Key) throws { try encode(value, forKey: key) }
    /// Writes a number field when it has a value.
    public mutating func encodeDoubleIfPresent(_ value: Double?, forKey key: Key) throws { try encodeIfPresent(value, forKey: key) }
    /// Writes a boolean field.
    public mutating func encodeBool(_ value: Bool, forKey key: Key) throws { try encode(value, forKey: key) }
    /// Writes a boolean field when it has a value.
    public mutating func encodeBoolIfPresent(_ value: Bool?, forKey key: Key) throws { try encodeIfPresent(value, forKey: key) }
}
