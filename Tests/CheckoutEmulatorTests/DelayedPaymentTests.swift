#if Emulator
import CheckoutEmulator
import Foundation
import StripeCheckout
import StripeRuntime
import Testing

@Suite("Delayed payments: completed unpaid, then settled by an async payment event")
struct DelayedPaymentTests {
    let secret = "whsec_emulator_delayed"

    /// The events the receiver got, verified and decoded, oldest first.
    private func events(_ receiver: WebhookReceiver) throws -> [WebhookEvent] {
        try receiver.deliveries.map { delivery in
            try WebhookVerifier(secret: secret).verifyEvent(payload: delivery.body, signatureHeader: delivery.signature ?? "")
        }
    }

    @Test("delayed=true completes unpaid; outcome=succeeded makes it paid with async_payment_succeeded")
    func succeeded() async throws {
        let receiver = try WebhookReceiver()
        let url = try await receiver.start()
        defer { Task { await receiver.stop() } }
        try await withEmulator({ $0.webhookURL = url; $0.webhookSecret = secret }) { emulator in
            let stripe = makeClient(emulator)
            let session = try await stripe.checkout.sessions.create(paymentParams())
            let completed = try await rawRequest(emulator, .post, "/_emulator/checkout/sessions/\(session.id)/complete",
                                                 body: "delayed=true")
            #expect(completed.status == 200)
            let unpaid = try await stripe.checkout.sessions.retrieve(session.id)
            #expect(unpaid.status == .complete)
            #expect(unpaid.paymentStatus == .unpaid)
            #expect(unpaid.paymentIntent?.id.hasPrefix("pi_") == true)
            #expect(await eventually { receiver.deliveries.count == 1 })
            guard case .checkoutSessionCompleted(let sent)? = try events(receiver).first?.data else {
                Issue.record("expected checkout.session.completed first")
                return
            }
            #expect(sent.paymentStatus == .unpaid)

            let settled = try await rawRequest(emulator, .post, "/_emulator/checkout/sessions/\(session.id)/async_payment",
                                               body: "outcome=succeeded")
            #expect(settled.status == 200)
            #expect(try await stripe.checkout.sessions.retrieve(session.id).paymentStatus == .paid)
            #expect(await eventually { receiver.deliveries.count == 2 })
            guard case .checkoutSessionAsyncPaymentSucceeded(let paid)? = try events(receiver).last?.data else {
                Issue.record("expected checkout.session.async_payment_succeeded, got \(String(describing: try? events(receiver).last?.type))")
                return
            }
            #expect(paid.id == session.id)
            #expect(paid.paymentStatus == .paid)

            let twice = try await rawRequest(emulator, .post, "/_emulator/checkout/sessions/\(session.id)/async_payment",
                                             body: "outcome=failed")
            #expect(twice.status == 400, "a settled payment cannot be settled again")
        }
    }

    @Test("settleAsyncPayment(succeeded: false) leaves it unpaid and sends async_payment_failed, once")
    func failed() async throws {
        let receiver = try WebhookReceiver()
        let url = try await receiver.start()
        defer { Task { await receiver.stop() } }
        try await withEmulator({ $0.webhookURL = url; $0.webhookSecret = secret }) { emulator in
            let stripe = makeClient(emulator)
            let session = try await stripe.checkout.sessions.create(paymentParams())
            let completed = try await emulator.complete(sessionID: session.id, delayedPayment: true)
            #expect(completed.paymentStatus == .unpaid)
            let failed = try await emulator.settleAsyncPayment(sessionID: session.id, succeeded: false)
            #expect(failed.paymentStatus == .unpaid)
            #expect(failed.status == .complete)
            #expect(await eventually { receiver.deliveries.count == 2 })
            // Deliveries run concurrently, so they may arrive in either order (as Stripe's may).
            let types = try events(receiver).map(\.type).sorted()
            #expect(types == ["checkout.session.async_payment_failed", "checkout.session.completed"])
            await #expect(throws: (any Error).self) {
                try await emulator.settleAsyncPayment(sessionID: session.id, succeeded: true)
            }
            #expect(try await stripe.checkout.sessions.retrieve(session.id).paymentStatus == .unpaid)
        }
    }

    @Test("an ordinary completion cannot be settled; a bad outcome is a 400")
    func notDelayed() async throws {
        try await withEmulator { emulator in
            let stripe = makeClient(emulator)
            let session = try await stripe.checkout.sessions.create(paymentParams())
            let open = try await rawRequest(emulator, .post, "/_emulator/checkout/sessions/\(session.id)/async_payment",
                                            body: "outcome=succeeded")
            #expect(open.status == 400, "an open session has no payment to settle")
            try await emulator.complete(sessionID: session.id)
            let paid = try await rawRequest(emulator, .post, "/_emulator/checkout/sessions/\(session.id)/async_payment",
                                            body: "outcome=succeeded")
            #expect(paid.status == 400)
            let other = try await stripe.checkout.sessions.create(paymentParams())
            try await emulator.complete(sessionID: other.id, delayedPayment: true)
            let bad = try await rawRequest(emulator, .post, "/_emulator/checkout/sessions/\(other.id)/async_payment",
                                           body: "outcome=maybe")
            #expect(bad.status == 400)
            #expect(try await stripe.checkout.sessions.retrieve(other.id).paymentStatus == .unpaid)
        }
    }
}
#endif
