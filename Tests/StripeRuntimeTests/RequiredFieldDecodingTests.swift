import Foundation
import Testing
import StripeRuntime

/// A model coded the way generated models code a required field a response may lack.
private struct Receiptish: Decodable, Equatable {
    var id: String
    var total: Int?
    var paidAt: Date?
    var rate: Decimal?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: FieldKey.self)
        id = try container.decode(String.self, forKey: "id")
        total = try container.decodeRequired(Int.self, forKey: "total", in: decoder)
        paidAt = try container.decodeRequiredUnixTime(forKey: "paid_at", in: decoder)
        rate = try container.decodeRequiredDecimalString(forKey: "rate", in: decoder)
    }
}

/// `decodeRequired` under each `RequiredFieldPolicy`, and where the policy comes from.
@Suite struct RequiredFieldDecodingTests {
    private func decode(_ json: String, _ policy: RequiredFieldPolicy?) throws -> Receiptish {
        let decoder = policy.map { JSONDecoder(requiredFields: $0) } ?? JSONDecoder()
        return try decoder.decode(Receiptish.self, from: Data(json.utf8))
    }

    @Test(arguments: [RequiredFieldPolicy.strict, .tolerant])
    func presentFieldsDecodeUnderEitherPolicy(policy: RequiredFieldPolicy) throws {
        let value = try decode(#"{"id": "r_1", "total": 0, "paid_at": 1700000000, "rate": "0.5"}"#, policy)
        #expect(value.total == 0)
        #expect(value.paidAt == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(value.rate == Decimal(string: "0.5"))
    }

    @Test func tolerantDecodingGivesNilForAbsentAndNullFields() throws {
        let value = try decode(#"{"id": "r_1", "paid_at": null}"#, .tolerant)
        #expect(value.id == "r_1")
        #expect(value.total == nil)
        #expect(value.paidAt == nil)
        #expect(value.rate == nil)
    }

    @Test func aDecoderWithoutAPolicyIsTolerant() throws {
        #expect(try decode(#"{"id": "r_1"}"#, nil).total == nil)
    }

    @Test func strictDecodingNamesTheAbsentKey() throws {
        let error = try #require(throws: DecodingError.self) { try decode(#"{"id": "r_1", "paid_at": 1, "rate": "1"}"#, .strict) }
        guard case .keyNotFound(let key, _) = error else {
            Issue.record("expected keyNotFound, got \(error)")
            return
        }
        #expect(key.stringValue == "total")
    }

    @Test func strictDecodingCallsANullRequiredFieldValueNotFound() throws {
        let error = try #require(throws: DecodingError.self) {
            try decode(#"{"id": "r_1", "total": 1, "paid_at": null, "rate": "1"}"#, .strict)
        }
        guard case .valueNotFound(_, let context) = error else {
            Issue.record("expected valueNotFound, got \(error)")
            return
        }
        #expect(context.codingPath.last?.stringValue == "paid_at")
    }

    @Test(arguments: [RequiredFieldPolicy.strict, .tolerant])
    func aValueOfTheWrongTypeFailsUnderEitherPolicy(policy: RequiredFieldPolicy) throws {
        let error = try #require(throws: DecodingError.self) { try decode(#"{"id": "r_1", "total": "ten"}"#, policy) }
        guard case .typeMismatch(_, let context) = error else {
            Issue.record("expected typeMismatch, got \(error)")
            return
        }
        #expect(context.codingPath.last?.stringValue == "total")
    }
}

/// The log of absent fields a tolerant decoder keeps.
@Suite struct AbsentFieldLogTests {
    private struct Order: Decodable {
        var receipts: [Receiptish]
    }

    @Test func tolerantDecodingLogsEachAbsentFieldWithItsPath() throws {
        let log = AbsentFieldLog()
        let json = #"{"receipts": [{"id": "r_1", "total": 1, "paid_at": 1, "rate": "1"}, {"id": "r_2", "rate": "2"}]}"#
        _ = try JSONDecoder(requiredFields: .tolerant, log: log).decode(Order.self, from: Data(json.utf8))
        #expect(log.entries == ["receipts[1].total", "receipts[1].paid_at"])
    }

    /// One log shared by decodes running at once (one decoder per server, many requests) keeps every entry.
    @Test func decodesRunningAtOnceKeepEveryEntry() async throws {
        let log = AbsentFieldLog()
        let json = Data(#"{"receipts": [{"id": "r_1", "rate": "1"}]}"#.utf8)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<200 {
                group.addTask {
                    _ = try JSONDecoder(requiredFields: .tolerant, log: log).decode(Order.self, from: json)
                }
            }
            try await group.waitForAll()
        }
        #expect(log.entries.count == 400)
        #expect(Set(log.entries) == ["receipts[0].total", "receipts[0].paid_at"])
    }

    @Test func completeObjectsLogNothing() throws {
        let log = AbsentFieldLog()
        let json = #"{"receipts": [{"id": "r_1", "total": 1, "paid_at": 1, "rate": "1"}]}"#
        _ = try JSONDecoder(requiredFields: .tolerant, log: log).decode(Order.self, from: Data(json.utf8))
        #expect(log.entries.isEmpty)
    }
}
