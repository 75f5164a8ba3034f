/// A keyed container writing each field into a named child of its node.
struct FormKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: FormNode
    let codingPath: [any CodingKey]

    private func scalar(_ text: String, _ key: Key) {
        node.child(forKey: key.stringValue).content = .scalar(text)
    }

    /// Absent values are left out of the form entirely.
    mutating func encodeNil(forKey key: Key) throws {}
    mutating func encode(_ value: Bool, forKey key: Key) throws { scalar(value ? "true" : "false", key) }
    mutating func encode(_ value: String, forKey key: Key) throws { scalar(value, key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { scalar(FormValueEncoder.text(for: value), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { scalar(FormValueEncoder.text(for: Double(value)), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { scalar(String(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { scalar(String(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { scalar(String(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { scalar(String(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { scalar(String(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { scalar(String(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { scalar(String(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { scalar(String(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { scalar(String(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { scalar(String(value), key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try FormValueEncoder.encode(value, into: node.child(forKey: key.stringValue), codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = node.child(forKey: key.stringValue)
        child.becomeObject()
        return KeyedEncodingContainer(FormKeyedContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = node.child(forKey: key.stringValue)
        child.becomeArray()
        return FormUnkeyedContainer(node: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        FormValueEncoder(node: node.child(forKey: "super"), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        FormValueEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key])
    }
}

/// An unkeyed container appending each element as a new child of its node.
struct FormUnkeyedContainer: UnkeyedEncodingContainer {
    let node: FormNode
    let codingPath: [any CodingKey]
    var count: Int { node.elementCount }

    private func scalar(_ text: String) {
        node.appendElement().content = .scalar(text)
    }

    /// A `nil` element keeps its position but writes nothing.
    mutating func encodeNil() throws { _ = node.appendElement() }
    mutating func encode(_ value: Bool) throws { scalar(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { scalar(value) }
    mutating func encode(_ value: Double) throws { scalar(FormValueEncoder.text(for: value)) }
    mutating func encode(_ value: Float) throws { scalar(FormValueEncoder.text(for: Double(value))) }
    mutating func encode(_ value: Int) throws { scalar(String(value)) }
    mutating func encode(_ value: Int8) throws { scalar(String(value)) }
    mutating func encode(_ value: Int16) throws { scalar(String(value)) }
    mutating func encode(_ value: Int32) throws { scalar(String(value)) }
    mutating func encode(_ value: Int64) throws { scalar(String(value)) }
    mutating func encode(_ value: UInt) throws { scalar(String(value)) }
    mutating func encode(_ value: UInt8) throws { scalar(String(value)) }
    mutating func encode(_ value: UInt16) throws { scalar(String(value)) }
    mutating func encode(_ value: UInt32) throws { scalar(String(value)) }
    mutating func encode(_ value: UInt64) throws { scalar(String(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let path = codingPath + [FormIndexKey(index: count)]
        try FormValueEncoder.encode(value, into: node.appendElement(), codingPath: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let path = codingPath + [FormIndexKey(index: count)]
        let child = node.appendElement()
        child.becomeObject()
        return KeyedEncodingContainer(FormKeyedContainer<NestedKey>(node: child, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = codingPath + [FormIndexKey(index: count)]
        let child = node.appendElement()
        child.becomeArray()
        return FormUnkeyedContainer(node: child, codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        let path = codingPath + [FormIndexKey(index: count)]
        return FormValueEncoder(node: node.appendElement(), codingPath: path)
    }
}

/// The coding key of a list position.
struct FormIndexKey: CodingKey {
    let index: Int
    init(index: Int) { self.index = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.index = intValue }
    var stringValue: String { "Index \(index)" }
    var intValue: Int? { index }
}
