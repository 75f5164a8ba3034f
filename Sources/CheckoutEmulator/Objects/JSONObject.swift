#if Emulator
import Foundation
import StripeRuntime

/// A Stripe object as the emulator holds it: its JSON fields by name, written the way the API answers them.
typealias JSONObject = [String: JSONValue]

extension JSONValue {
    /// A string, or `null` for `nil`.
    static func text(_ value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }

    /// An integer, or `null` for `nil`.
    static func int(_ value: Int?) -> JSONValue {
        value.map { .integer(Int64($0)) } ?? .null
    }

    /// A unix time in whole seconds.
    static func time(_ date: Date) -> JSONValue {
        .integer(Int64(date.timeIntervalSince1970.rounded(.down)))
    }

    /// A `metadata` map.
    static func map(_ values: [String: String]) -> JSONValue {
        .object(values.mapValues(JSONValue.string))
    }

    /// The integer when this is one.
    var intValue: Int? {
        if case .integer(let value) = self { return Int(exactly: value) }
        return nil
    }

    /// The boolean when this is one.
    var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The elements when this is an array.
    var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The members when this is an object.
    var objectValue: JSONObject? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The id when this is an id string or an object with an `id`.
    var referencedID: String? {
        stringValue ?? objectValue?["id"]?.stringValue
    }
}

extension JSONValue {
    /// Any `Encodable` value as the JSON tree it encodes to; `null` when it does not encode.
    static func encoding(_ value: some Encodable) -> JSONValue {
        guard let data = try? JSONEncoder.emulator.encode(value),
              let tree = try? JSONDecoder().decode(JSONValue.self, from: data) else { return .null }
        return tree
    }

    /// The value decoded as `type` (a generated model), or `nil` when it does not decode.
    func decoded<T: Decodable>(as type: T.Type) -> T? {
        guard let data = try? JSONEncoder.emulator.encode(self) else { return nil }
        return try? JSONDecoder().decode(T.self, from: data)
    }
}
#endif
