/// A string-backed Stripe enumeration that stays open: values it does not know decode into an
/// `unrecognized` case instead of failing, because the API adds values before specs catch up.
///
/// Conforming types supply a non-failable `init(rawValue:)`; decoding and encoding come for free.
public protocol StripeEnum: RawRepresentable, Codable, Hashable, Sendable, CaseIterable where RawValue == String {
    /// Creates a value from its wire string, mapping unknown strings to a catch-all case.
    init(rawValue: String)
}

extension StripeEnum {
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
