#if Emulator
import CheckoutEmulator
import Foundation
import StripeCheckout
import StripeRuntime
import Testing

@Suite("Refunds of a paid session's payment intent")
struct RefundTests {
    /// A paid $30.00 session's payment intent.
    private func paidPaymentIntent(_ emulator: CheckoutEmulator, _ stripe: StripeClient) async throws -> String {
        let session = try await stripe.checkout.sessions.create(paymentParams())
        let paid = try await emulator.complete(sessionID: session.id)
        return try #require(paid.paymentIntent?.id)
    }

    @Test("a refund without an amount refunds the whole total, shaped as Stripe's")
    func fullRefund() async throws {
        try await withEmulator { emulator in
            let stripe = makeClient(emulator)
            let paymentIntent = try await paidPaymentIntent(emulator, stripe)
            let refund = try await stripe.refunds.create(.init(
                metadata: .set(["order": "42"]), paymentIntent: paymentIntent, reason: .requestedByCustomer
            ))
            #expect(refund.id.hasPrefix("re_"))
            #expect(refund.object == "refund")
            #expect(refund.amount == 3000)
            #expect(refund.currency == "usd")
            #expect(refund.paymentIntent?.id == paymentIntent)
            #expect(refund.status == "succeeded")
            #expect(refund.reason == .requestedByCustomer)
            #expect(refund.metadata == ["order": "42"])
            #expect(await emulator.refunds() == [refund])

            let raw = try await rawRequest(emulator, .get, "/v1/refunds", headers: ["Authorization": "Bearer \(testAPIKey)"])
            let json = try #require(try JSONSerialization.jsonObject(with: raw.body) as? [String: Any])
            let first = try #require((json["data"] as? [[String: Any]])?.first)
            #expect(first["charge"] is NSNull, "unset nullable fields are written as null")
            #expect(json["url"] as? String == "/v1/refunds")
        }
    }

    @Test("a partial refund, then the rest by default; then nothing is left and more is too much")
    func partialThenRest() async throws {
        try await withEmulator { emulator in
            let stripe = makeClient(emulator)
            let paymentIntent = try await paidPaymentIntent(emulator, stripe)
            let part = try await stripe.refunds.create(.init(amount: 1000, paymentIntent: paymentIntent))
            #expect(part.amount == 1000)

            let tooMuch = await #expect(throws: StripeError.self) {
                try await stripe.refunds.create(.init(amount: 2001, paymentIntent: paymentIntent))
            }
            #expect(tooMuch?.httpStatus == 400)
            #expect(tooMuch?.code == "amount_too_large")
            #expect(tooMuch?.param == "amount")

            let rest = try await stripe.refunds.create(.init(paymentIntent: paymentIntent))
            #expect(rest.amount == 2000)

            let again = await #expect(throws: StripeError.self) {
                try await stripe.refunds.create(.init(paymentIntent: paymentIntent))
            }
            #expect(again?.httpStatus == 400)
            #expect(again?.code == "charge_already_refunded")
            let more = await #expect(throws: StripeError.self) {
                try await stripe.refunds.create(.init(amount: 1, paymentIntent: paymentIntent))
            }
            #expect(more?.code == "charge_already_refunded")
            #expect(await emulator.refunds().map(\.amount) == [2000, 1000])
        }
    }

    @Test("an unknown payment intent is a 404; naming neither charge nor payment intent is a 400")
    func badTargets() async throws {
        try await withEmulator { emulator in
            let stripe = makeClient(emulator)
            let unknown = await #expect(throws: StripeError.self) {
                try await stripe.refunds.create(.init(paymentIntent: "pi_unknown"))
            }
            #expect(unknown?.httpStatus == 404)
            #expect(unknown?.code == "resource_missing")
            #expect(unknown?.param == "payment_intent")

            let neither = await #expect(throws: StripeError.self) { try await stripe.refunds.create(.init(amount: 100)) }
            #expect(neither?.httpStatus == 400)

            let unpaid = try await stripe.checkout.sessions.create(paymentParams())
            let delayed = try await emulator.complete(sessionID: unpaid.id, delayedPayment: true)
            let pending = await #expect(throws: StripeError.self) {
                try await stripe.refunds.create(.init(paymentIntent: delayed.paymentIntent?.id))
            }
            #expect(pending?.httpStatus == 400, "a payment that has not succeeded cannot be refunded")

            let invalid = await #expect(throws: StripeError.self) {
                try await stripe.send(.post, "/v1/refunds", params: RawParams(fields: ["payment_intent": "pi_x", "colour": "red"]))
            }
            #expect(invalid?.code == "parameter_unknown", "the body is checked against the spec")
            #expect(await emulator.refunds().isEmpty)
        }
    }

    @Test("an Idempotency-Key replays the refund instead of refunding twice")
    func idempotentReplay() async throws {
        try await withEmulator { emulator in
            let stripe = makeClient(emulator)
            let paymentIntent = try await paidPaymentIntent(emulator, stripe)
            let params = RefundsAPI.CreateParams(amount: 500, paymentIntent: paymentIntent)
            let first = try await stripe.refunds.create(params, options: .init(idempotencyKey: "refund-1"))
            let replay = try await stripe.send(.post, "/v1/refunds", params: params, options: .init(idempotencyKey: "refund-1"))
            #expect(replay.headers["Idempotent-Replayed"] == "true")
            #expect(try JSONDecoder().decode(Refund.self, from: replay.body) == first)
            #expect(await emulator.refunds().count == 1)
        }
    }

    @Test("the list is newest first, filters by payment intent and pages with cursors")
    func list() async throws {
        try await withEmulator { emulator in
            let stripe = makeClient(emulator)
            let one = try await paidPaymentIntent(emulator, stripe)
            let two = try await paidPaymentIntent(emulator, stripe)
            let a = try await stripe.refunds.create(.init(amount: 100, paymentIntent: one))
            let b = try await stripe.refunds.create(.init(amount: 200, paymentIntent: two))
            let c = try await stripe.refunds.create(.init(amount: 300, paymentIntent: one))

            #expect(try await stripe.refunds.listPage().data.map(\.id) == [c.id, b.id, a.id])
            #expect(try await stripe.refunds.listPage(.init(paymentIntent: one)).data.map(\.id) == [c.id, a.id])
            let first = try await stripe.refunds.listPage(.init(limit: 2))
            #expect(first.data.map(\.id) == [c.id, b.id])
            #expect(first.hasMore)
            let next = try await stripe.refunds.listPage(.init(limit: 2, startingAfter: b.id))
            #expect(next.data.map(\.id) == [a.id])
            #expect(!next.hasMore)
            #expect(try await stripe.refunds.listPage(.init(endingBefore: a.id)).data.map(\.id) == [c.id, b.id])
            var all: [String] = []
            for try await refund in stripe.refunds.list(.init(limit: 1)) { all.append(refund.id) }
            #expect(all == [c.id, b.id, a.id])
        }
    }

    @Test("refunds and the checkout page url survive a restart with a state file")
    func persistence() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("emulator-refunds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let statePath = folder.appendingPathComponent("state.json").path

        let (refundID, paymentIntent, openID) = try await withEmulator({ $0.statePath = statePath }) { emulator in
            let stripe = makeClient(emulator)
            let paymentIntent = try await paidPaymentIntent(emulator, stripe)
            let refund = try await stripe.refunds.create(.init(amount: 1200, paymentIntent: paymentIntent))
            let open = try await stripe.checkout.sessions.create(paymentParams())
            return (refund.id, paymentIntent, open.id)
        }

        try await withEmulator({ $0.statePath = statePath }) { emulator in
            let stripe = makeClient(emulator)
            #expect(await emulator.refunds().map(\.id) == [refundID])
            #expect(try await stripe.refunds.listPage(.init(paymentIntent: paymentIntent)).data.map(\.amount) == [1200])
            let rest = try await stripe.refunds.create(.init(paymentIntent: paymentIntent))
            #expect(rest.amount == 1800, "what was refunded before the restart still counts")
            let open = try await stripe.checkout.sessions.retrieve(openID)
            #expect(open.url == emulator.baseURL.absoluteString + "/c/pay/\(openID)", "the url follows the new port")
        }
    }

    @Test("a state file written before refunds existed still loads, and is migrated to the state database")
    func oldStateFile() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("emulator-old-\(UUID().uuidString).json").path
        try Data(#"{"sessions": {}, "session_order": [], "line_items": {}, "prices": {}, "idempotency": {}}"#.utf8)
            .write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await withEmulator({ $0.statePath = path }) { emulator in
            #expect(await emulator.refunds().isEmpty)
            let stripe = makeClient(emulator)
            let paymentIntent = try await paidPaymentIntent(emulator, stripe)
            _ = try await stripe.refunds.create(.init(paymentIntent: paymentIntent))
        }
        #expect(try await SavedState.ids("refunds", at: path).count == 1, "migrated to the state database")
    }
}
#endif
