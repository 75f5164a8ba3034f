#if Emulator
import CheckoutEmulator
import Foundation
import StripeCheckout
import StripeRuntime
import Testing

@Suite("Idempotency keys: in use, stored answers, lifetime and scope")
struct IdempotencyRulesTests {
    private let createPath = "/v1/checkout/sessions"
    private let validBody = "mode=payment&success_url=https%3A%2F%2Fshop.example%2Fok"
        + "&line_items[0][price_data][currency]=usd&line_items[0][price_data][product_data][name]=Tee"
        + "&line_items[0][price_data][unit_amount]=500&line_items[0][quantity]=1"

    private func post(_ emulator: CheckoutEmulator, _ body: String, key: String, account: String? = nil) async throws -> HTTPResponse {
        var headers: HTTPHeaders = ["Authorization": "Bearer \(testAPIKey)", "Idempotency-Key": key,
                                    "Content-Type": "application/x-www-form-urlencoded"]
        if let account { headers["Stripe-Account"] = account }
        return try await rawRequest(emulator, .post, createPath, body: body, headers: headers)
    }

    private func code(_ response: HTTPResponse) -> String? {
        let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any]
        return (object?["error"] as? [String: Any])?["code"] as? String
    }

    @Test("a second request while the first with its key still runs is a 409, then the answer replays")
    func inUse() async throws {
        try await withEmulator { emulator in
            await emulator.inject(EmulatorFault(.delay, method: "POST", pathPrefix: createPath, delay: .milliseconds(1500)))
            let first = Task { try await post(emulator, validBody, key: "busy-1") }
            // The first request has arrived (a loaded machine may already have sent a retry of it).
            #expect(await eventually { await emulator.requestCount(method: "POST", path: createPath) >= 1 })
            let second = try await post(emulator, validBody, key: "busy-1")
            #expect(second.status == 409)
            #expect(code(second) == "idempotency_key_in_use")
            let answered = try await first.value
            #expect(answered.status == 200)
            let third = try await post(emulator, validBody, key: "busy-1")
            #expect(third.headers["Idempotent-Replayed"] == "true")
            #expect(third.body == answered.body)
            #expect(await emulator.sessions().count == 1)
        }
    }

    @Test("a request that fails validation stores nothing; the key is still free")
    func validationStoresNothing() async throws {
        try await withEmulator { emulator in
            let invalid = try await post(emulator, validBody.replacingOccurrences(of: "mode=payment", with: "mode=bogus"), key: "v-1")
            #expect(invalid.status == 400)
            let valid = try await post(emulator, validBody, key: "v-1")
            #expect(valid.status == 200)
            #expect(valid.headers["Idempotent-Replayed"] == nil)
        }
    }

    @Test("a request that started executing stores its error answer, which replays")
    func executedErrorIsStored() async throws {
        try await withEmulator { emulator in
            let body = "mode=payment&success_url=https%3A%2F%2Fshop.example%2Fok"   // no line items: fails while executing
            let first = try await post(emulator, body, key: "e-1")
            #expect(first.status == 400)
            let again = try await post(emulator, body, key: "e-1")
            #expect(again.status == 400)
            #expect(again.headers["Idempotent-Replayed"] == "true")
            #expect(again.body == first.body)
        }
    }

    @Test("keys are scoped per connected account")
    func scopedPerAccount() async throws {
        try await withEmulator { emulator in
            let one = try await post(emulator, validBody, key: "acct-key", account: "acct_one")
            let other = try await post(emulator, validBody.replacingOccurrences(of: "quantity]=1", with: "quantity]=2"),
                                       key: "acct-key", account: "acct_two")
            #expect(one.status == 200 && other.status == 200)
            #expect(other.headers["Idempotent-Replayed"] == nil)
            #expect(await emulator.sessions().count == 2)
        }
    }

    @Test("answers are kept 24 hours, then pruned")
    func prunedAfterADay() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("emulator-idem-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let statePath = folder.appendingPathComponent("state.json").path
        let clock = ManualClock()
        try await withEmulator({ $0.now = { clock.now }; $0.statePath = statePath }) { emulator in
            let other = validBody.replacingOccurrences(of: "quantity]=1", with: "quantity]=3")
            #expect(try await post(emulator, validBody, key: "day-1").status == 200)
            clock.advance(by: 23 * 3600)
            #expect(try await post(emulator, other, key: "day-1").status == 400, "still kept: other params are an idempotency_error")
            clock.advance(by: 3600 + 1)
            #expect(try await post(emulator, validBody, key: "day-2").status == 200)
            let keys = try await SavedState.ids("idempotency", at: statePath)
            #expect(keys.count == 1 && keys.first?.hasSuffix("|day-2") == true, "day-1 was pruned: \(keys)")
            #expect(try await post(emulator, other, key: "day-1").status == 200, "a pruned key is free again")
        }
    }

    @Test("expand of a field the emulator cannot expand is an error, not a silent id")
    func unexpandableField() async throws {
        try await withEmulator { emulator in
            let stripe = makeClient(emulator)
            let session = try await stripe.checkout.sessions.create(paymentParams())
            let error = await #expect(throws: StripeError.self) {
                try await stripe.checkout.sessions.retrieve(session.id, .init(expand: [.init(rawValue: "setup_intent")]))
            }
            #expect(error?.httpStatus == 400 && error?.param == "expand")
            let created = try await post(emulator, validBody + "&expand[]=setup_intent", key: "x-1")
            #expect(created.status == 400)
            #expect(await emulator.sessions().count == 1)
            let expanded = try await stripe.checkout.sessions.retrieve(session.id, .init(expand: [.init(rawValue: "line_items")]))
            #expect(expanded.lineItems?.data?.count == 1)
        }
    }

    @Test("a decimal parameter with trailing text is rejected")
    func strictDecimals() async throws {
        try await withEmulator { emulator in
            let body = validBody.replacingOccurrences(of: "[unit_amount]=500", with: "[unit_amount_decimal]=12abc")
            let response = try await post(emulator, body, key: "d-1")
            #expect(response.status == 400)
            let text = String(decoding: response.body, as: UTF8.self)
            #expect(text.contains("line_items[0][price_data][unit_amount_decimal]"), "\(text)")
            let fine = try await post(emulator, validBody.replacingOccurrences(of: "[unit_amount]=500", with: "[unit_amount_decimal]=12.5"), key: "d-2")
            #expect(fine.status == 200)
        }
    }

    @Test("line item amounts whose total does not fit are an error, not a trap or a wrong amount")
    func hugeTotals() async throws {
        try await withEmulator { emulator in
            let huge = "\(Int.max / 2 + 1)"
            var body = validBody.replacingOccurrences(of: "[unit_amount]=500", with: "[unit_amount]=\(huge)")
            body += "&line_items[1][price_data][currency]=usd&line_items[1][price_data][product_data][name]=Cap"
                + "&line_items[1][price_data][unit_amount]=\(huge)&line_items[1][quantity]=1"
            let response = try await post(emulator, body, key: "h-1")
            #expect(response.status == 400)
            let decimal = validBody.replacingOccurrences(of: "[unit_amount]=500", with: "[unit_amount_decimal]=1e127")
            let tooLarge = try await post(emulator, decimal, key: "h-2")
            #expect(tooLarge.status == 400, "an amount past 2^53 was once read as 0")
            #expect(await emulator.sessions().isEmpty)
        }
    }
}
#endif
