import Foundation

/// Readers for Stripe's two special scalar formats: unix timestamps (`format: unix-time`) and
/// decimal strings (`format: decimal`). They work with a plain `JSONDecoder`, no strategies needed.
extension KeyedDecodingContainer {
    /// Reads a unix timestamp in seconds (an integer, or a number with a fraction) as a `Date`.
    public func decodeUnixTime(forKey key: Key) throws -> Date {
        if let seconds = try? decode(Int64.self, forKey: key) {
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        if let seconds = try? decode(Double.self, forKey: key), seconds.isFinite {
            return Date(timeIntervalSince1970: seconds)
        }
        guard contains(key) else {
            throw DecodingError.keyNotFound(key, .init(
                codingPath: codingPath, debugDescription: "Missing unix timestamp"
            ))
        }
        throw DecodingError.dataCorruptedError(
            forKey: key, in: self, debugDescription: "Expected a unix timestamp in seconds"
        )
    }

    /// Reads an optional unix timestamp; an absent key or `null` gives `nil`.
    public func decodeUnixTimeIfPresent(forKey key: Key) throws -> Date? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try decodeUnixTime(forKey: key)
    }

    /// Reads a decimal sent as a string such as `"12.5000000000"` (a JSON number is accepted too).
    public func decodeDecimalString(forKey key: Key) throws -> Decimal {
        if let text = try? decode(String.self, forKey: key) {
            guard let value = DecimalText.parse(text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: self, debugDescription: "Expected a decimal string, found \"\(text.prefix(40))\""
                )
            }
            return value
        }
        if let value = try? decode(Decimal.self, forKey: key) {
            return value
        }
        guard contains(key) else {
            throw DecodingError.keyNotFound(key, .init(
                codingPath: codingPath, debugDescription: "Missing decimal string"
            ))
        }
        throw DecodingError.dataCorruptedError(
            forKey: key, in: self, debugDescription: "Expected a decimal string or number"
        )
    }

    /// Reads an optional decimal string; an absent key or `null` gives `nil`.
    public func decodeDecimalStringIfPresent(forKey key: Key) throws -> Decimal? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try decodeDecimalString(forKey: key)
    }
}

/// Writers matching the readers above: dates as integer unix seconds, decimals as plain strings.
extension KeyedEncodingContainer {
    /// Writes a date as whole unix seconds (fractions are dropped toward negative infinity).
    public mutating func encodeUnixTime(_ date: Date, forKey key: Key) throws {
        try encode(UnixTime.seconds(of: date), forKey: key)
    }

    /// Writes a date as whole unix seconds, or nothing when it is `nil`.
    public mutating func encodeUnixTimeIfPresent(_ date: Date?, forKey key: Key) throws {
        guard let date else { return }
        try encodeUnixTime(date, forKey: key)
    }

    /// Writes a decimal as a plain decimal string without exponent, for example `"12.5"`.
    public mutating func encodeDecimalString(_ value: Decimal, forKey key: Key) throws {
        try encode(value.description, forKey: key)
    }

    /// Writes a decimal string, or nothing when it is `nil`.
    public mutating func encodeDecimalStringIfPresent(_ value: Decimal?, forKey key: Key) throws {
        guard let value else { return }
        try encodeDecimalString(value, forKey: key)
    }
}

/// Conversions between `Date` and whole unix seconds.
enum UnixTime {
    /// The whole seconds since 1970 of `date`, rounded down.
    static func seconds(of date: Date) -> Int64 {
        let interval = date.timeIntervalSince1970.rounded(.down)
        guard interval.isFinite, interval > Double(Int64.min), interval < Double(Int64.max) else { return 0 }
        return Int64(interval)
    }
}

/// Strict parsing of decimal strings: `Decimal(string:)` alone accepts trailing garbage.
package enum DecimalText {
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// Parses `[-+]digits[.digits][e[-+]digits]`, or returns `nil` for anything else.
    package static func parse(_ text: String) -> Decimal? {
        guard isWellFormed(text.utf8) else { return nil }
        return Decimal(string: text, locale: posix)
    }

    private static func isWellFormed(_ bytes: String.UTF8View) -> Bool {
        var index = bytes.startIndex
        func skipDigits() -> Int {
            var count = 0
            while index < bytes.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                count += 1
                bytes.formIndex(after: &index)
            }
            return count
        }
        func skipSign() {
            if index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                bytes.formIndex(after: &index)
            }
        }
        skipSign()
        var digits = skipDigits()
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: ".") {
            bytes.formIndex(after: &index)
            digits += skipDigits()
        }
        guard digits > 0 else { return false }
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            bytes.formIndex(after: &index)
            skipSign()
            guard skipDigits() > 0 else { return false }
        }
        return index == bytes.endIndex
    }
}
