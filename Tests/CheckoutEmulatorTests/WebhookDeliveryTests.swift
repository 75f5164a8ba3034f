#if Emulator
import CheckoutEmulator
import Foundation
import StripeCheckout
import StripeRuntime
import Testing

@Suite("Webhooks from completing and expiring sessions")
struct WebhookDeliveryTests {
    let secret = "whsec_emulator_test_secret"

    @Test("a completed session's event reaches the endpoint, verifies and decodes as checkoutSessionCompleted")
    func completed() async throws {
        let receiver = try WebhookReceiver()
        let url = try await receiver.start()
        defer { Task { await receiver.stop() } }
        try await withEmulator({ $0.webhookURL = url; $0.webhookSecret = secret }) { emulator in
            let stripe = makeClient(emulator)
            let created = try await stripe.checkout.sessions.create(paymentParams(reference: "order_9"))
            let completed = try await rawRequest(emulator, .post, "/_emulator/checkout/sessions/\(created.id)/complete",
                                                 body: "email=ada%40example.com")
            #expect(completed.status == 200)
            #expect(await eventually { receiver.deliveries.count == 1 })
            let delivery = try #require(receiver.deliveries.first)
            let header = try #require(delivery.signature)
            let event = try WebhookVerifier(secret: secret).verifyEvent(payload: delivery.body, signatureHeader: header)
            #expect(event.id.hasPrefix("evt_"))
            #expect(event.type == "checkout.session.completed")
            #expect(event.livemode == false)
            #expect(event.apiVersion == StripeBindings.apiVersion)
            guard case .checkoutSessionCompleted(let session) = event.data else {
                Issue.record("expected checkoutSessionCompleted, got \(event.data)")
                return
            }
            #expect(session.id == created.id)
            #expect(session.clientReferenceID == "order_9")
            #expect(session.status == .complete)
            #expect(session.paymentStatus == .paid)
            #expect(session.customerDetails?.email == "ada@example.com")
            #expect(throws: WebhookVerificationError.self) {
                try WebhookVerifier(secret: "whsec_wrong").verify(payload: delivery.body, signatureHeader: header)
            }

            let again = try await rawRequest(emulator, .post, "/_emulator/checkout/sessions/\(created.id)/complete")
            #expect(again.status == 400, "only open sessions can be completed")
        }
    }

    @Test("expiring sends checkout.session.expired; non-2xx answers are retried")
    func expiredWithRetries() async throws {
        let receiver = try WebhookReceiver(statuses: [500, 503])
        let url = try await receiver.start()
        defer { Task { await receiver.stop() } }
        try await withEmulator({
            $0.webhookURL = url
            $0.webhookSecret = secret
            $0.webhookRetry = WebhookRetryPolicy(maxAttempts: 4, initialDelay: .milliseconds(20), maxDelay: .milliseconds(100))
        }) { emulator in
            let stripe = makeClient(emulator)
            let created = try await stripe.checkout.sessions.create(paymentParams())
            _ = try await stripe.checkout.sessions.expire(created.id)
            #expect(await eventually { await emulator.webhookDeliveries().first?.delivered == true })
            let record = try #require(await emulator.webhookDeliveries().first)
            #expect(record.attempts == 3)
            #expect(record.type == "checkout.session.expired")
            let deliveries = receiver.deliveries
            #expect(deliveries.count == 3)
            let last = try #require(deliveries.last)
            let event = try WebhookVerifier(secret: secret).verifyEvent(payload: last.body, signatureHeader: last.signature ?? "")
            guard case .checkoutSessionExpired(let session) = event.data else {
                Issue.record("expected checkoutSessionExpired, got \(event.data)")
                return
            }
            #expect(session.id == created.id)
            #expect(Set(deliveries.map(\.body)).count == 1, "each retry carries the same event")
        }
    }
}
#endif
