import Foundation

/// Readers for fields the spec requires, under the decoder's ``RequiredFieldPolicy``: a present value decodes as
/// usual (a value of the wrong type always throws); an absent or `null` one throws under `.strict` and gives `nil`
/// under `.tolerant`. The policy is read only when a field is absent, so complete objects pay nothing for it.
extension KeyedDecodingContainer {
    /// Reads a required field of any `Decodable` type.
    public func decodeRequired<Value: Decodable>(_ type: Value.Type, forKey key: Key, in decoder: any Decoder) throws -> Value? {
        if let value = try decodeIfPresent(type, forKey: key) { return value }
        try checkAbsence(of: key, as: type, in: decoder)
        return nil
    }

    /// Reads a required unix timestamp (`format: unix-time`).
    public func decodeRequiredUnixTime(forKey key: Key, in decoder: any Decoder) throws -> Date? {
        if let value = try decodeUnixTimeIfPresent(forKey: key) { return value }
        try checkAbsence(of: key, as: Date.self, in: decoder)
        return nil
    }

    /// Reads a required decimal string (`format: decimal`).
    public func decodeRequiredDecimalString(forKey key: Key, in decoder: any Decoder) throws -> Decimal? {
        if let value = try decodeDecimalStringIfPresent(forKey: key) { return value }
        try checkAbsence(of: key, as: Decimal.self, in: decoder)
        return nil
    }

    /// Throws the error plain `Codable` would for an absent or `null` required field, unless the policy tolerates it.
    private func checkAbsence(of key: Key, as type: Any.Type, in decoder: any Decoder) throws {
        guard RequiredFieldPolicy(of: decoder) == .strict else {
            (decoder.userInfo[.stripeAbsentFieldLog] as? AbsentFieldLog)?.record(codingPath + [key])
            return
        }
        guard contains(key) else {
            throw DecodingError.keyNotFound(key, .init(
                codingPath: codingPath,
                debugDescription: "No value associated with required key \(key.stringValue) (strict decoding)"
            ))
        }
        throw DecodingError.valueNotFound(type, .init(
            codingPath: codingPath + [key],
            debugDescription: "Required field \(key.stringValue) is null (strict decoding)"
        ))
    }
}
