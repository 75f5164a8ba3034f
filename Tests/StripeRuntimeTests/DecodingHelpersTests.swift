import Foundation
import Testing
@testable import StripeRuntime

/// A model written the way generated models are: explicit coding with the runtime helpers, keyed by `FieldKey`
/// literals, and an open enum that gets `init(rawValue:)` from `StripeEnum`.
private struct Invoiceish: Codable, Hashable, Sendable, StripeIdentifiable {
    enum Status: StripeEnum {
        case complete, expired, open
        case unrecognized(String)

        var rawValue: String {
            switch self {
            case .complete: "complete"
            case .expired: "expired"
            case .open: "open"
            case .unrecognized(let value): value
            }
        }

        static let allCases: [Status] = [.complete, .expired, .open]
    }

    var id: String
    var created: Date
    var expiresAt: Date?
    var amount: Decimal
    var rate: Decimal?
    var status: Status
    var customer: Expandable<SampleSession>?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: FieldKey.self)
        id = try container.decode(String.self, forKey: "id")
        created = try container.decodeUnixTime(forKey: "created")
        expiresAt = try container.decodeUnixTimeIfPresent(forKey: "expires_at")
        amount = try container.decodeDecimalString(forKey: "amount")
        rate = try container.decodeDecimalStringIfPresent(forKey: "rate")
        status = try container.decode(Status.self, forKey: "status")
        customer = try container.decodeIfPresent(Expandable<SampleSession>.self, forKey: "customer")
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: FieldKey.self)
        try container.encode(id, forKey: "id")
        try container.encodeUnixTime(created, forKey: "created")
        try container.encodeUnixTimeIfPresent(expiresAt, forKey: "expires_at")
        try container.encodeDecimalString(amount, forKey: "amount")
        try container.encodeDecimalStringIfPresent(rate, forKey: "rate")
        try container.encode(status, forKey: "status")
        try container.encodeIfPresent(customer, forKey: "customer")
    }
}

@Suite struct DecodingHelpersTests {
    private func decode(_ json: String) throws -> Invoiceish {
        try JSONDecoder().decode(Invoiceish.self, from: Data(json.utf8))
    }

    @Test func unixTimeAndDecimalStringsDecode() throws {
        let value = try decode(#"{"id":"in_1","created":1700000000,"expires_at":1700000000.75,"amount":"12.5000000000","rate":3.25,"status":"open"}"#)
        #expect(value.created == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(value.expiresAt == Date(timeIntervalSince1970: 1_700_000_000.75))
        #expect(value.amount == Decimal(string: "12.5"))
        #expect(value.rate == Decimal(string: "3.25"))
        #expect(value.customer == nil)
    }

    @Test func absentAndNullOptionalsAreNil() throws {
        let value = try decode(#"{"id":"in_1","created":1,"expires_at":null,"amount":"1","rate":null,"status":"open"}"#)
        #expect(value.expiresAt == nil)
        #expect(value.rate == nil)
    }

    @Test func malformedValuesThrowDataCorruptedWithPath() throws {
        for (json, key) in [
            (#"{"id":"a","created":"yesterday","amount":"1","status":"open"}"#, "created"),
            (#"{"id":"a","created":1,"amount":"12.5abc","status":"open"}"#, "amount"),
            (#"{"id":"a","created":1,"amount":"","status":"open"}"#, "amount"),
            (#"{"id":"a","created":1,"amount":true,"status":"open"}"#, "amount"),
            (#"{"id":"a","created":1,"expires_at":"soon","amount":"1","status":"open"}"#, "expires_at"),
        ] {
            do {
                _ = try decode(json)
                Issue.record("decoding \(json) should fail")
            } catch DecodingError.dataCorrupted(let context) {
                #expect(context.codingPath.map(\.stringValue) == [key])
            } catch {
                Issue.record("expected dataCorrupted, got \(error)")
            }
        }
    }

    @Test func missingRequiredTimestampIsKeyNotFound() {
        #expect {
            try decode(#"{"id":"a","amount":"1","status":"open"}"#)
        } throws: { error in
            if case DecodingError.keyNotFound(let key, _) = error { return key.stringValue == "created" }
            return false
        }
    }

    @Test func encodingWritesSecondsAndDecimalStrings() throws {
        let value = try decode(#"{"id":"in_1","created":1700000000,"amount":"12.50","status":"paid_later","customer":"cus_9"}"#)
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as? [String: Any]
        #expect(json?["created"] as? Int == 1_700_000_000)
        #expect(json?["amount"] as? String == "12.5")
        #expect(json?["status"] as? String == "paid_later")
        #expect(json?["customer"] as? String == "cus_9")
        #expect(json?["expires_at"] == nil)
        #expect(try decode(String(decoding: JSONEncoder().encode(value), as: UTF8.self)) == value)
    }

    @Test func expandableDecodesBothShapes() throws {
        let bare = try decode(#"{"id":"a","created":1,"amount":"1","status":"open","customer":"cus_123"}"#)
        #expect(bare.customer == .id("cus_123"))
        #expect(bare.customer?.id == "cus_123")
        #expect(bare.customer?.object == nil)

        let expanded = try decode(#"{"id":"a","created":1,"amount":"1","status":"open","customer":{"id":"cus_456","object":"customer"}}"#)
        #expect(expanded.customer?.id == "cus_456")
        #expect(expanded.customer?.object == SampleSession(id: "cus_456", object: "customer"))

        let reencoded = try JSONEncoder().encode(expanded.customer)
        let shape = try JSONSerialization.jsonObject(with: reencoded) as? [String: Any]
        #expect(shape?["id"] as? String == "cus_456")
        #expect(try JSONEncoder().encode(bare.customer) == Data(#""cus_123""#.utf8))
    }

    @Test func stripeEnumKeepsUnknownValues() throws {
        let value = try decode(#"{"id":"a","created":1,"amount":"1","status":"brand_new_state"}"#)
        #expect(value.status == .unrecognized("brand_new_state"))
        #expect(value.status.rawValue == "brand_new_state")
        #expect(Invoiceish.Status(rawValue: "expired") == .expired)
        #expect(Invoiceish.Status.allCases.count == 3)
    }

    @Test func jsonValueRoundTripsAndKeepsIntegersExact() throws {
        let text = #"{"big":9007199254740993,"pi":3.5,"ok":true,"none":null,"list":[1,"two",{"x":[]}],"name":"é"}"#
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(value["big"] == .integer(9_007_199_254_740_993))
        #expect(value["pi"] == .number(3.5))
        #expect(value["ok"] == .bool(true))
        #expect(value["none"] == .null)
        #expect(value["list"] == .array([.integer(1), .string("two"), .object(["x": .array([])])]))
        #expect(value["name"]?.stringValue == "é")
        let again = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
        #expect(again == value)
        let reordered = try JSONDecoder().decode(JSONValue.self, from: Data(#"{"name":"é","ok":true,"pi":3.5,"none":null,"big":9007199254740993,"list":[1,"two",{"x":[]}]}"#.utf8))
        #expect(reordered == value)
        #expect(reordered.hashValue == value.hashValue)
    }

    @Test func objectTagReadsDiscriminators() throws {
        let deleted = try JSONDecoder().decode(ObjectTag.self, from: Data(#"{"id":"cus_1","object":"customer","deleted":true}"#.utf8))
        #expect(deleted.object == "customer")
        #expect(deleted.deleted == true)
        let plain = try JSONDecoder().decode(ObjectTag.self, from: Data(#"{"id":"cus_1","object":"customer"}"#.utf8))
        #expect(plain.deleted == nil)
        let odd = try JSONDecoder().decode(ObjectTag.self, from: Data(#"{"object":5}"#.utf8))
        #expect(odd.object == nil)
    }
}
