import Foundation
import Testing
@testable import StripeRuntime

/// An open enum written the way the generator now writes them: cases, `allCases` and `rawValue` only;
/// `init(rawValue:)`, `==` and hashing come from `StripeEnum`.
private enum Shade: StripeEnum {
    case light
    case darkBlue
    case `default`
    case unrecognized(String)

    static let allCases: [Shade] = [.light, .darkBlue, .default]

    var rawValue: String {
        switch self {
        case .light: "light"
        case .darkBlue: "dark_blue"
        case .default: "default"
        case .unrecognized(let value): value
        }
    }
}

/// `StripeEnum`'s shared `init(rawValue:)`, equality and hashing by wire string, and decoding that never fails.
@Suite struct StripeEnumTests {
    @Test func knownWireStringsMapToTheirCases() {
        #expect(StripeErrorType(rawValue: "card_error") == .cardError)
        #expect(StripeErrorType(rawValue: "rate_limit_error") == .rateLimitError)
        for known in StripeErrorType.allCases {
            #expect(StripeErrorType(rawValue: known.rawValue) == known)
            // A real case, not an unrecognized value that merely compares equal.
            if case .unrecognized = StripeErrorType(rawValue: known.rawValue) {
                Issue.record("\(known.rawValue) read as unrecognized")
            }
        }
        #expect(Shade(rawValue: "dark_blue") == .darkBlue)
        #expect(Shade(rawValue: "default") == .default)
    }

    @Test func unknownWireStringIsKeptAsUnrecognized() {
        let value = StripeErrorType(rawValue: "x")
        #expect(value == .unrecognized("x"))
        guard case .unrecognized(let raw) = value else {
            Issue.record("expected .unrecognized, got \(value)")
            return
        }
        #expect(raw == "x")
        #expect(value.rawValue == "x")
        #expect(StripeErrorType(rawValue: value.rawValue) == value)
        #expect(Shade(rawValue: "Dark_Blue") == .unrecognized("Dark_Blue"), "matching is exact, case-sensitive")
        #expect(Shade(rawValue: "") == .unrecognized(""))
    }

    @Test func equalityAndHashingFollowTheWireString() {
        #expect(StripeErrorType.unrecognized("card_error") == .cardError)
        #expect(StripeErrorType.cardError == .unrecognized("card_error"))
        #expect(Set<StripeErrorType>([.unrecognized("card_error"), .cardError]).count == 1)
        var a = Hasher(), b = Hasher()
        StripeErrorType.unrecognized("card_error").hash(into: &a)
        StripeErrorType.cardError.hash(into: &b)
        #expect(a.finalize() == b.finalize())
        // Different wire strings stay different.
        #expect(StripeErrorType.cardError != .apiError)
        #expect(StripeErrorType.unrecognized("x") != .unrecognized("y"))
        #expect(Set<StripeErrorType>([.cardError, .apiError, .unrecognized("x"), .unrecognized("y")]).count == 4)
        #expect(Shade.unrecognized("light") == .light)
    }

    @Test func decodingAnUnknownValueDoesNotThrow() throws {
        let decoded = try JSONDecoder().decode([StripeErrorType].self, from: Data(#"["card_error","brand_new_error"]"#.utf8))
        #expect(decoded == [.cardError, .unrecognized("brand_new_error")])
        let shade = try JSONDecoder().decode(Shade.self, from: Data(#""ultraviolet""#.utf8))
        #expect(shade == .unrecognized("ultraviolet"))
        // And it encodes back to the same wire string.
        #expect(try JSONEncoder().encode(decoded) == Data(#"["card_error","brand_new_error"]"#.utf8))
        #expect(try JSONEncoder().encode(shade) == Data(#""ultraviolet""#.utf8))
    }

    @Test func decodingANonStringStillThrows() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(StripeErrorType.self, from: Data("42".utf8))
        }
    }
}

/// The coding key generated code uses instead of a `CodingKeys` enum per type.
@Suite struct FieldKeyTests {
    @Test func literalIsTheWireName() {
        let key: FieldKey = "display_name"
        #expect(key.stringValue == "display_name")
        #expect(key.intValue == nil)
        #expect(key == FieldKey(stringValue: "display_name"))
        #expect(key != "displayName")
    }

    @Test func integerKeysAreRefused() {
        #expect(FieldKey(intValue: 1) == nil)
        #expect(FieldKey(intValue: 0) == nil)
    }

    @Test func keyedCodingUsesTheLiteralOnTheWire() throws {
        struct Pair: Codable, Equatable {
            var ownerURL: String
            init(ownerURL: String) { self.ownerURL = ownerURL }
            init(from decoder: any Decoder) throws {
                ownerURL = try decoder.container(keyedBy: FieldKey.self).decode(String.self, forKey: "owner_url")
            }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: FieldKey.self)
                try container.encode(ownerURL, forKey: "owner_url")
            }
        }
        #expect(try JSONEncoder().encode(Pair(ownerURL: "u")) == Data(#"{"owner_url":"u"}"#.utf8))
        #expect(try JSONDecoder().decode(Pair.self, from: Data(#"{"owner_url":"v"}"#.utf8)) == Pair(ownerURL: "v"))
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Pair.self, from: Data(#"{"ownerURL":"v"}"#.utf8))
        }
    }
}

/// `Unsettable` is Equatable and Hashable exactly when its value is, and still encodes when it is neither.
@Suite struct UnsettableConformanceTests {
    /// Shaped like a generated params struct now: `StripeParams`, not `Hashable`.
    private struct Trim: StripeParams {
        var color: String
        func validate(at path: ParameterPath) throws {}
    }

    private struct Holder: StripeParams {
        var trim: Unsettable<Trim>?
        func validate(at path: ParameterPath) throws {}
    }

    @Test func equatableWhenTheValueIs() {
        #expect(Unsettable<Int>.set(1) == .set(1))
        #expect(Unsettable<Int>.unset != .set(1))
        #expect(Unsettable<Int>.set(1) != .set(2))
        #expect(Unsettable<Int>.unset == .unset)
        #expect(Set<Unsettable<Int>>([.set(1), .set(1), .unset]).count == 2)
    }

    @Test func encodesAValueThatIsNotHashable() throws {
        let pairs = { (holder: Holder) in try FormEncoder().encode(holder).map(\.description) }
        #expect(try pairs(Holder(trim: .set(Trim(color: "red")))) == ["trim[color]=red"])
        #expect(try pairs(Holder(trim: .unset)) == ["trim="])
        #expect(try pairs(Holder(trim: nil)) == [])
    }
}
