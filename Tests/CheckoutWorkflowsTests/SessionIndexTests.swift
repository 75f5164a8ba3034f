#if Emulator
import CheckoutEmulator
import CheckoutWorkflows
import Foundation
import StripeCheckout
import StripeRuntime
import Testing

@Suite("Checkout with a session index")
struct SessionIndexTests {
    @Test("with an index, checkout finds the order's sessions without listing; an order the index lacks is scanned once")
    func indexedLookups() async throws {
        let harness = try await WorkflowHarness.start()
        let index = InMemoryCheckoutSessionIndex()
        let workflows = CheckoutWorkflows(stripe: harness.stripe, index: index)
        let order = try OrderReference("order-indexed")
        let lists = { await harness.emulator.requestCount(method: "GET", path: "/v1/checkout/sessions") }

        let first = try await workflows.checkout(order, orderParams()).session
        let listsAfterFirst = await lists()
        let again = try await workflows.checkout(order, orderParams()).session
        let changed = try await workflows.checkout(order, orderParams(amount: 4_000)).session
        let listsAfterIndexed = await lists()
        try await harness.emulator.complete(sessionID: changed.id)
        let paid = try await workflows.checkout(order, orderParams(amount: 4_000))
        let rows = try await index.sessions(for: order)
        await harness.stop()

        #expect(listsAfterFirst >= 1, "the index knew nothing of the order: one scan")
        #expect(listsAfterIndexed == listsAfterFirst, "once indexed, no list request")
        #expect(again.id == first.id)
        #expect(changed.id != first.id)
        guard case .alreadyPaid(let session) = paid else {
            Issue.record("expected already paid, got \(paid)")
            return
        }
        #expect(session.id == changed.id)
        #expect(rows.map(\.sessionID) == [changed.id, first.id] || rows.map(\.sessionID) == [first.id, changed.id])
        #expect(rows.first { $0.sessionID == first.id }?.status == .expired)
        #expect(rows.first { $0.sessionID == changed.id }?.status == .complete)
        #expect(rows.first { $0.sessionID == changed.id }?.cartFingerprint == (try CartFingerprint(orderParams(amount: 4_000))).value)
    }

    @Test("webhooks move the index forward, and a late open never undoes complete")
    func webhooksUpdateTheIndex() async throws {
        let harness = try await WorkflowHarness.start()
        let index = InMemoryCheckoutSessionIndex()
        let workflows = CheckoutWorkflows(stripe: harness.stripe, index: index)
        let order = try OrderReference("order-index-webhook")
        let session = try await workflows.checkout(order, orderParams()).session
        let completed = try await harness.emulator.complete(sessionID: session.id)
        await harness.stop()

        let secret = "whsec_index_tests"
        let handler = CheckoutWebhookHandler(verifier: WebhookVerifier(secret: secret), workflows: workflows)
        let object = String(decoding: try JSONEncoder().encode(completed), as: UTF8.self)
        let payload = Data("""
        {"id": "evt_index", "object": "event", "type": "checkout.session.completed", "created": 1700000000,
         "livemode": false, "api_version": "2023-08-16", "pending_webhooks": 1,
         "request": {"id": null, "idempotency_key": null}, "data": {"object": \(object)}}
        """.utf8)
        let outcome = await handler.handle(payload: payload, signatureHeader: WebhookSigner(secret: secret).header(for: payload))
        try await index.record(IndexedSession(session, order: order))  // a stale "open" arriving late
        let row = try #require(try await index.sessions(for: order).first)
        #expect(outcome == .handled(eventID: "evt_index", type: "checkout.session.completed"))
        #expect(row.status == .complete)
        #expect(row.paymentStatus == .paid)
    }
}
#endif
