#if Emulator
import CheckoutWorkflows
import Foundation
import StripeCheckout
import StripeRuntime
import Testing

@Suite("Routing Checkout webhooks")
struct WebhookRoutingTests {
    private static let secret = "whsec_routing_tests"
    private let signer = WebhookSigner(secret: Self.secret)

    /// A counter the handlers bump, shared across tasks.
    private actor Calls {
        var completed: [String?] = []
        var expired = 0
        var failNext = false
        func complete(_ reference: String?) throws {
            if failNext { failNext = false; throw HandlerFailure() }
            completed.append(reference)
        }
        func expire() { expired += 1 }
        func setFailNext() { failNext = true }
    }

    private struct HandlerFailure: Error {}

    private func event(_ id: String, type: String, reference: String = "order-77") -> Data {
        Data("""
        {"id": "\(id)", "object": "event", "type": "\(type)", "created": 1700000000, "livemode": false,
         "api_version": "2023-08-16", "pending_webhooks": 1, "request": {"id": null, "idempotency_key": null},
         "data": {"object": {"id": "cs_test_77", "object": "checkout.session", "client_reference_id": "\(reference)",
           "created": 1700000000, "expires_at": 1700086400, "livemode": false, "mode": "payment",
           "payment_status": "paid", "status": "complete", "automatic_tax": {"enabled": false, "status": null},
           "custom_fields": [], "custom_text": {"shipping_address": null, "submit": null},
           "payment_method_types": ["card"], "shipping_options": []}}}
        """.utf8)
    }

    private func handler(_ calls: Calls) -> CheckoutWebhookHandler {
        CheckoutWebhookHandler(verifier: WebhookVerifier(secret: Self.secret))
            .onCompleted { _, reference in try await calls.complete(reference) }
            .onExpired { _, _ in await calls.expire() }
    }

    @Test("a completed event reaches its handler with the order reference, once even when delivered twice")
    func deduplicates() async throws {
        let calls = Calls()
        let handler = handler(calls)
        let payload = event("evt_1", type: "checkout.session.completed")
        let header = signer.header(for: payload)
        let first = await handler.handle(payload: payload, signatureHeader: header)
        let second = await handler.handle(payload: payload, signatureHeader: header)
        #expect(first == .handled(eventID: "evt_1", type: "checkout.session.completed"))
        #expect(second == .duplicate(eventID: "evt_1"))
        #expect(second.httpStatus == 200)
        #expect(await calls.completed == ["order-77"])
    }

    @Test("a delivery that arrives while another delivery of the event is being handled is answered 500, not acknowledged")
    func deliveryWhileHandling() async throws {
        let gate = Gate()
        let runs = Calls()
        let handler = CheckoutWebhookHandler(verifier: WebhookVerifier(secret: Self.secret))
            .onCompleted { _, reference in
                try await runs.complete(reference)
                await gate.wait()
            }
        let payload = event("evt_slow", type: "checkout.session.completed")
        let header = signer.header(for: payload)
        let first = Task { await handler.handle(payload: payload, signatureHeader: header) }
        while await runs.completed.isEmpty { try await Task.sleep(for: .milliseconds(1)) }
        let meanwhile = await handler.handle(payload: payload, signatureHeader: header)
        #expect(meanwhile.httpStatus == 500, "acknowledging it would lose the event if the first delivery never finished")
        await gate.open()
        #expect(await first.value == .handled(eventID: "evt_slow", type: "checkout.session.completed"))
        #expect(await handler.handle(payload: payload, signatureHeader: header) == .duplicate(eventID: "evt_slow"))
        #expect(await runs.completed.count == 1)
    }

    /// Holds a handler until the test opens it.
    private actor Gate {
        private var isOpen = false
        private var waiting: [CheckedContinuation<Void, Never>] = []
        func wait() async {
            if isOpen { return }
            await withCheckedContinuation { waiting.append($0) }
        }
        func open() {
            isOpen = true
            for continuation in waiting { continuation.resume() }
            waiting.removeAll()
        }
    }

    @Test("a forged or stale delivery is rejected with 400 and runs nothing")
    func forged() async throws {
        let calls = Calls()
        let handler = handler(calls)
        let payload = event("evt_2", type: "checkout.session.completed")
        let forged = WebhookSigner(secret: "whsec_someone_else").header(for: payload)
        let outcome = await handler.handle(payload: payload, signatureHeader: forged)
        let missing = await handler.handle(payload: payload, signatureHeader: nil)
        let stale = await handler.handle(payload: payload, signatureHeader: signer.header(for: payload, timestamp: Date(timeIntervalSinceNow: -3_600)))
        #expect(outcome.httpStatus == 400)
        #expect(missing.httpStatus == 400)
        #expect(stale.httpStatus == 400)
        if case .rejected(let error) = outcome { #expect(error.kind == .noMatchingSignature) } else { Issue.record("\(outcome)") }
        #expect(await calls.completed.isEmpty)
    }

    @Test("events without a handler are acknowledged, not errors")
    func unknownEvents() async throws {
        let handler = handler(Calls())
        let payload = event("evt_3", type: "invoice.paid")
        let outcome = await handler.handle(payload: payload, signatureHeader: signer.header(for: payload))
        #expect(outcome == .ignored(eventID: "evt_3", type: "invoice.paid"))
        #expect(outcome.httpStatus == 200)
    }

    @Test("a failing handler answers 500 and the redelivery runs it again")
    func failureIsRetried() async throws {
        let calls = Calls()
        await calls.setFailNext()
        let handler = handler(calls)
        let payload = event("evt_4", type: "checkout.session.completed")
        let failed = await handler.handle(payload: payload, signatureHeader: signer.header(for: payload))
        let retried = await handler.handle(payload: payload, signatureHeader: signer.header(for: payload))
        #expect(failed.httpStatus == 500)
        #expect(retried == .handled(eventID: "evt_4", type: "checkout.session.completed"))
        #expect(await calls.completed == ["order-77"])
    }

    @Test("expired sessions route to their own handler")
    func expired() async throws {
        let calls = Calls()
        let payload = event("evt_5", type: "checkout.session.expired")
        let outcome = await handler(calls).handle(payload: payload, signatureHeader: signer.header(for: payload))
        #expect(outcome.httpStatus == 200)
        #expect(await calls.expired == 1)
    }
}
#endif
