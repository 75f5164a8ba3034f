#if Emulator
import CheckoutEmulator
import Foundation
import StripeCheckout
import StripeRuntime
import Testing

@Suite("Idempotency keys")
struct IdempotencyTests {
    @Test("same key and parameters replay the first answer, flagged Idempotent-Replayed")
    func replay() async throws {
        try await withEmulator { emulator in
            let stripe = makeClient(emulator)
            let options = RequestOptions(idempotencyKey: "order_42-v1")
            let first = try await stripe.send(.post, "/v1/checkout/sessions", params: paymentParams(reference: "order_42"), options: options)
            let second = try await stripe.send(.post, "/v1/checkout/sessions", params: paymentParams(reference: "order_42"), options: options)
            #expect(first.headers["Idempotent-Replayed"] == nil)
            #expect(second.headers["Idempotent-Replayed"] == "true")
            #expect(first.body == second.body)
            #expect(await emulator.sessions().count == 1)
        }
    }

    @Test("the same key with other parameters is an idempotency_error")
    func mismatch() async throws {
        try await withEmulator { emulator in
            let stripe = makeClient(emulator)
            let options = RequestOptions(idempotencyKey: "order_43-v1")
            _ = try await stripe.checkout.sessions.create(paymentParams(quantity: 1), options: options)
            let error = await #expect(throws: StripeError.self) {
                try await stripe.checkout.sessions.create(paymentParams(quantity: 2), options: options)
            }
            #expect(error?.httpStatus == 400)
            #expect(error?.type == .idempotencyError)
            #expect(await emulator.sessions().count == 1)
        }
    }

    @Test("client_reference_id is no idempotency: two creates make two sessions")
    func referenceIsNotAKey() async throws {
        try await withEmulator { emulator in
            let stripe = makeClient(emulator)
            let one = try await stripe.checkout.sessions.create(paymentParams(reference: "order_44"))
            let two = try await stripe.checkout.sessions.create(paymentParams(reference: "order_44"))
            #expect(one.id != two.id)
            #expect(await emulator.sessions().count == 2)
        }
    }

    @Test("keys are scoped per API key")
    func scopedPerAPIKey() async throws {
        try await withEmulator { emulator in
            let options = RequestOptions(idempotencyKey: "shared-key")
            let one = try await makeClient(emulator).checkout.sessions.create(paymentParams(), options: options)
            let other = makeClient(emulator, apiKey: "sk_test_other_account_9999")
            let two = try await other.checkout.sessions.create(paymentParams(), options: options)
            #expect(one.id != two.id)
        }
    }
}
#endif
