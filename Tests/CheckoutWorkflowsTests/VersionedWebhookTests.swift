#if Emulator
import CheckoutWorkflows
import Foundation
import StripeCheckout
import StripeRuntime
import Testing

@Suite("Webhooks in another API version")
struct VersionedWebhookTests {
    private static let secret = "whsec_versioned_routing_tests"
    private let signer = WebhookSigner(secret: Self.secret)

    /// What the handlers saw, shared across tasks.
    private actor Seen {
        var sessions: [CheckoutSession] = []
        var undecodable: [(id: String, version: String?, reason: String)] = []
        var failUndecodable = false
        func add(_ session: CheckoutSession) { sessions.append(session) }
        func addUndecodable(_ event: WebhookEvent, _ reason: String) throws {
            if failUndecodable { failUndecodable = false; throw HandlerFailure() }
            undecodable.append((event.id, event.apiVersion, reason))
        }
        func setFailUndecodable() { failUndecodable = true }
    }

    private struct HandlerFailure: Error {}

    /// A `checkout.session.completed` event of our own in API `version`, with `session`'s fields replaced.
    private func event(_ id: String, version: String, status: String = "\"complete\"",
                       paymentStatus: String? = "\"paid\"") -> Data {
        let payment = paymentStatus.map { "\"payment_status\": \($0), " } ?? ""
        return Data("""
        {"id": "\(id)", "object": "event", "type": "checkout.session.completed", "created": 1700000000,
         "livemode": false, "api_version": "\(version)", "pending_webhooks": 1,
         "data": {"object": {"id": "cs_test_88", "object": "checkout.session", "client_reference_id": "order-88",
           "created": 1700000000, "expires_at": 1700086400, "livemode": false, "mode": "payment", \(payment)
           "status": \(status), "automatic_tax": {"enabled": false, "status": null}, "custom_fields": [],
           "custom_text": {"shipping_address": null, "submit": null}, "payment_method_types": ["card"],
           "shipping_options": []}}}
        """.utf8)
    }

    private func handler(_ seen: Seen, verifier: WebhookVerifier? = nil) -> CheckoutWebhookHandler {
        CheckoutWebhookHandler(verifier: verifier ?? WebhookVerifier(secret: Self.secret))
            .onCompleted { session, _ in await seen.add(session) }
            .onUndecodable { event, reason in try await seen.addUndecodable(event, reason) }
    }

    @Test("a session event of a newer version lacking a required field reaches the handler, the field named absent")
    func newerVersionIsHandled() async throws {
        let seen = Seen()
        let payload = event("evt_v1", version: "2031-01-01", paymentStatus: nil)
        let outcome = await handler(seen).handle(payload: payload, signatureHeader: signer.header(for: payload))
        #expect(outcome == .handled(eventID: "evt_v1", type: "checkout.session.completed"))
        let session = try #require(await seen.sessions.first)
        #expect(session.status == .complete)
        #expect(session.paymentStatus == nil)
        #expect(session.missingRequiredFields == ["payment_status"])
    }

    @Test("an event whose object does not decode is acknowledged once, not retried forever")
    func undecodableIsAcknowledged() async throws {
        let seen = Seen()
        let handler = handler(seen)
        let payload = event("evt_v2", version: "2031-01-01", status: "{\"state\": \"complete\"}")
        let first = await handler.handle(payload: payload, signatureHeader: signer.header(for: payload))
        let again = await handler.handle(payload: payload, signatureHeader: signer.header(for: payload))
        guard case .acknowledgedUndecodable(let id, let type, let version, let reason) = first else {
            Issue.record("expected acknowledgedUndecodable, got \(first)")
            return
        }
        #expect(id == "evt_v2")
        #expect(type == "checkout.session.completed")
        #expect(version == "2031-01-01")
        #expect(reason.contains("status"))
        #expect(first.httpStatus == 200)
        #expect(again == .duplicate(eventID: "evt_v2"))
        #expect(await seen.sessions.isEmpty)
        #expect(await seen.undecodable.map(\.id) == ["evt_v2"])
    }

    @Test("an undecodable-event handler that throws answers 500 and runs again on redelivery")
    func undecodableHandlerFailureIsRetried() async throws {
        let seen = Seen()
        await seen.setFailUndecodable()
        let handler = handler(seen)
        let payload = event("evt_v3", version: "2031-01-01", status: "42")
        let failed = await handler.handle(payload: payload, signatureHeader: signer.header(for: payload))
        let retried = await handler.handle(payload: payload, signatureHeader: signer.header(for: payload))
        #expect(failed.httpStatus == 500)
        #expect(retried.httpStatus == 200)
        #expect(await seen.undecodable.map(\.version) == ["2031-01-01"])
    }

    @Test("without an undecodable-event handler the event is still acknowledged")
    func undecodableWithoutHandler() async throws {
        let handler = CheckoutWebhookHandler(verifier: WebhookVerifier(secret: Self.secret))
        let payload = event("evt_v4", version: "2023-08-16", status: "42")
        let outcome = await handler.handle(payload: payload, signatureHeader: signer.header(for: payload))
        if case .acknowledgedUndecodable(let id, _, _, _) = outcome { #expect(id == "evt_v4") } else { Issue.record("\(outcome)") }
        #expect(outcome.httpStatus == 200)
    }

    @Test("a strict verifier refuses another version before decoding, naming both versions")
    func strictVersionIsRejected() async throws {
        let seen = Seen()
        let strict = WebhookVerifier(secret: Self.secret).accepting(.exactly(StripeBindings.apiVersion), requiredFields: .strict)
        let handler = handler(seen, verifier: strict)
        let newer = event("evt_v5", version: "2031-01-01")
        let outcome = await handler.handle(payload: newer, signatureHeader: signer.header(for: newer))
        guard case .rejected(let error) = outcome else {
            Issue.record("expected rejected, got \(outcome)")
            return
        }
        #expect(error.kind == .apiVersionMismatch)
        #expect(error.message.contains("2031-01-01") && error.message.contains(StripeBindings.apiVersion))
        #expect(outcome.httpStatus == 400)
        let own = event("evt_v6", version: StripeBindings.apiVersion)
        let handled = await handler.handle(payload: own, signatureHeader: signer.header(for: own))
        #expect(handled == .handled(eventID: "evt_v6", type: "checkout.session.completed"))
        #expect(await seen.sessions.map(\.paymentStatus) == [.paid])
        #expect(await seen.undecodable.isEmpty)
    }
}
#endif
