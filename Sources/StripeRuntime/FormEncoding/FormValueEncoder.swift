import Foundation

/// The `Swift.Encoder` behind `FormEncoder`: writes one value into one `FormNode`.
struct FormValueEncoder: Encoder {
    let node: FormNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.becomeObject()
        return KeyedEncodingContainer(FormKeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.becomeArray()
        return FormUnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        FormSingleValueContainer(node: node, codingPath: codingPath)
    }

    /// Writes `value` into `node`, giving dates, decimals, URLs and dictionaries their form shape
    /// before falling back to the value's own `encode(to:)`.
    static func encode<T: Encodable>(_ value: T, into node: FormNode, codingPath: [any CodingKey]) throws {
        switch value {
        case let date as Date:
            node.content = .scalar(String(UnixTime.seconds(of: date)))
        case let decimal as Decimal:
            node.content = .scalar(decimal.description)
        case let url as URL:
            node.content = .scalar(url.absoluteString)
        case let string as String:
            node.content = .scalar(string)
        default:
            try value.encode(to: FormValueEncoder(node: node, codingPath: codingPath))
            if value is any StringKeyedDictionary {
                node.sortsKeys = true
            }
        }
    }

    /// Text for a floating-point number without exponent notation.
    static func text(for number: Double) -> String {
        if number.isFinite, number.rounded() == number, abs(number) < 1e15 {
            return String(Int64(number))
        }
        let plain = number.description
        if plain.contains("e"), let decimal = Decimal(string: plain) {
            return decimal.description
        }
        return plain
    }
}

/// Marks dictionaries keyed by strings, whose entries the form encoder sorts by key.
protocol StringKeyedDictionary {}

extension Dictionary: StringKeyedDictionary where Key == String {}

/// A single-value container writing a scalar into its node.
struct FormSingleValueContainer: SingleValueEncodingContainer {
    let node: FormNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.content = .empty }
    mutating func encode(_ value: Bool) throws { node.content = .scalar(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { node.content = .scalar(value) }
    mutating func encode(_ value: Double) throws { node.content = .scalar(FormValueEncoder.text(for: value)) }
    mutating func encode(_ value: Float) throws { node.content = .scalar(FormValueEncoder.text(for: Double(value))) }
    mutating func encode(_ value: Int) throws { node.content = .scalar(String(value)) }
    mutating func encode(_ value: Int8) throws { node.content = .scalar(String(value)) }
    mutating func encode(_ value: Int16) throws { node.content = .scalar(String(value)) }
    mutating func encode(_ value: Int32) throws { node.content = .scalar(String(value)) }
    mutating func encode(_ value: Int64) throws { node.content = .scalar(String(value)) }
    mutating func encode(_ value: UInt) throws { node.content = .scalar(String(value)) }
    mutating func encode(_ value: UInt8) throws { node.content = .scalar(String(value)) }
    mutating func encode(_ value: UInt16) throws { node.content = .scalar(String(value)) }
    mutating func encode(_ value: UInt32) throws { node.content = .scalar(String(value)) }
    mutating func encode(_ value: UInt64) throws { node.content = .scalar(String(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try FormValueEncoder.encode(value, into: node, codingPath: codingPath)
    }
}
