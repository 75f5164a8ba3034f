/// A string-backed Stripe enumeration that stays open: values it does not know decode into an
/// `unrecognized` case instead of failing, because the API adds values before specs catch up.
///
/// Conforming enums list their known cases in `allCases`, spell each one in `rawValue`, and have a
/// `case unrecognized(String)`; reading a wire string, equality, hashing and coding come from here,
/// so generated enums stay small and quick to compile.
public protocol StripeEnum: RawRepresentable, Codable, Hashable, Sendable, CaseIterable
where RawValue == String, AllCases == [Self] {
    /// Creates a value from its wire string, mapping unknown strings to ``unrecognized(_:)``.
    init(rawValue: String)

    /// The catch-all for a wire string this version does not know; an enum's `case unrecognized(String)`.
    static func unrecognized(_ value: String) -> Self
}

extension StripeEnum {
    /// Finds the known case with this wire string, or keeps the string as ``unrecognized(_:)``.
    public init(rawValue: String) {
        for known in Self.allCases where known.rawValue == rawValue {
            self = known
            return
        }
        self = .unrecognized(rawValue)
    }

    /// Values are equal when their wire strings are, so `unrecognized("x")` equals the known case for "x" (though
    /// it does not match that case in a `switch`; values read from the wire are always the known case).
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.rawValue == rhs.rawValue
    }

    /// Hashes the wire string, consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(rawValue)
    }

    /// Decodes the wire string and maps it through `init(rawValue:)`, so it never fails on an
    /// unknown value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(rawValue: try container.decode(String.self))
    }

    /// Encodes the wire string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
