#if Emulator
import CheckoutEmulator
import Foundation
import StripeCheckout
import StripeRuntime
import Testing

@Suite("The payment intent behind a paid session, and expanding references to held objects")
struct PaymentIntentAndExpandTests {
    @Test("a paid session has a succeeded payment intent for its total, which refunds point at")
    func paidSessionHasAPaymentIntent() async throws {
        try await withEmulator { emulator in
            let stripe = makeClient(emulator)
            let session = try await stripe.checkout.sessions.create(paymentParams())
            let paid = try await emulator.complete(sessionID: session.id, email: "pay@example.com")
            let intentID = try #require(paid.paymentIntent?.id)
            let intent = try await stripe.paymentIntents.retrieve(intentID)
            #expect(intent.status == .succeeded)
            #expect(intent.amount == 3000)
            #expect(intent.amountReceived == 3000)
            #expect(intent.currency == "usd")
            #expect(intent.receiptEmail == "pay@example.com")
            #expect(try await stripe.paymentIntents.listPage().data.map(\.id) == [intentID])
            let refund = try await stripe.refunds.create(.init(amount: 500, paymentIntent: intentID))
            #expect(refund.paymentIntent?.id == intentID)
            let missing = await #expect(throws: StripeError.self) { try await stripe.paymentIntents.retrieve("pi_missing") }
            #expect(missing?.httpStatus == 404)
        }
    }

    @Test("a delayed payment's intent is processing, then succeeded or back to requires_payment_method")
    func delayedPaymentIntent() async throws {
        try await withEmulator { emulator in
            let stripe = makeClient(emulator)
            for succeeded in [true, false] {
                let session = try await stripe.checkout.sessions.create(paymentParams())
                let unpaid = try await emulator.complete(sessionID: session.id, delayedPayment: true)
                let intentID = try #require(unpaid.paymentIntent?.id)
                #expect(try await stripe.paymentIntents.retrieve(intentID).status == .processing)
                _ = try await emulator.settleAsyncPayment(sessionID: session.id, succeeded: succeeded)
                let settled = try await stripe.paymentIntents.retrieve(intentID)
                #expect(settled.status == (succeeded ? .succeeded : .requiresPaymentMethod))
                #expect((settled.lastPaymentError != nil) == !succeeded)
            }
        }
    }

    @Test("expand turns a session's payment intent, customer and line items' products into objects")
    func expandHeldObjects() async throws {
        try await withEmulator { emulator in
            let stripe = makeClient(emulator)
            let price = try await stripe.prices.create(.init(currency: "usd", productData: .init(name: "Lamp"), unitAmount: 4000))
            var params = CheckoutSessionsAPI.CreateParams(lineItems: [.init(price: price.id, quantity: 1)], mode: .payment,
                                                         successURL: "https://shop.example/ok")
            params.customerCreation = .always
            let session = try await stripe.checkout.sessions.create(params)
            _ = try await emulator.complete(sessionID: session.id)
            let expanded = try await stripe.checkout.sessions.retrieve(session.id, .init(expand: [
                .paymentIntent, .customer, .init(rawValue: "line_items.data.price.product"),
            ]))
            let intent = try #require(expanded.paymentIntent?.object)
            #expect(intent.status == .succeeded)
            guard case .customer(let customer)? = expanded.customer?.object else {
                Issue.record("the customer is expanded")
                return
            }
            #expect(customer.email == "customer@example.com")
            let product = try #require(expanded.lineItems?.data?.first?.price?.product?.object)
            guard case .product(let lamp) = product else {
                Issue.record("the product is expanded")
                return
            }
            #expect(lamp.name == "Lamp")
            let listed = try await stripe.checkout.sessions.listPage(.init(expand: ["data.payment_intent"]))
            #expect(listed.data.first?.paymentIntent?.object?.id == intent.id)
            let intentWithCustomer = try await stripe.paymentIntents.retrieve(intent.id, .init(expand: [.customer]))
            #expect(intentWithCustomer.customer?.id == customer.id)
            #expect(intentWithCustomer.customer?.object != nil)
        }
    }

    @Test("expanding what the emulator does not hold, or a field that does not expand, is a 400 naming it")
    func refusedExpansions() async throws {
        try await withEmulator { emulator in
            let stripe = makeClient(emulator)
            let session = try await stripe.checkout.sessions.create(paymentParams())
            for path in ["payment_link", "url", "line_items.data.nothing", "payment_intent.latest_charge"] {
                let refused = await #expect(throws: StripeError.self) {
                    try await stripe.checkout.sessions.retrieve(session.id, .init(expand: [.init(rawValue: path)]))
                }
                #expect(refused?.httpStatus == 400)
                #expect(refused?.param == "expand")
                #expect(refused?.message.contains(path) == true)
            }
            let before = await emulator.sessions().count
            let create = await #expect(throws: StripeError.self) {
                var params = paymentParams()
                params.expand = [.init(rawValue: "setup_intent")]
                return try await stripe.checkout.sessions.create(params)
            }
            #expect(create?.param == "expand")
            #expect(await emulator.sessions().count == before, "a create whose expand fails makes nothing")
        }
    }
}
#endif
