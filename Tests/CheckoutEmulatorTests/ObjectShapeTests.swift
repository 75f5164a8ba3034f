#if Emulator
import CheckoutEmulator
import Foundation
import StripeCheckout
import StripeRuntime
import Testing

@Suite("Every object the emulator answers has the shape the spec requires")
struct ObjectShapeTests {
    @Test("each kind decodes strictly (every required field present) with the generated types")
    func strictDecoding() async throws {
        try await withEmulator { emulator in
            var configuration = StripeConfiguration(baseURL: emulator.baseURL, maxNetworkRetries: 0)
            configuration.requiredFields = .strict
            let stripe = StripeClient(apiKey: testAPIKey, configuration: configuration)
            let product = try await stripe.products.create(.init(name: "Kit"))
            let oneOff = try await stripe.prices.create(.init(currency: "usd", product: product.id, unitAmount: 700))
            let monthly = try await stripe.prices.create(.init(currency: "usd", product: product.id,
                                                                recurring: .init(interval: .month), unitAmount: 900))
            let customer = try await stripe.customers.create(.init(email: "shape@example.com", name: "Shape"))

            var payment = CheckoutSessionsAPI.CreateParams(lineItems: [.init(price: oneOff.id, quantity: 2)], mode: .payment,
                                                          successURL: "https://shop.example/ok")
            payment.customer = customer.id
            let paymentSession = try await stripe.checkout.sessions.create(payment)
            _ = try await emulator.complete(sessionID: paymentSession.id)
            let paid = try await stripe.checkout.sessions.retrieve(paymentSession.id, .init(expand: [
                .paymentIntent, .customer, .lineItems, .init(rawValue: "line_items.data.price.product"),
            ]))
            let intent = try await stripe.paymentIntents.retrieve(try #require(paid.paymentIntent?.id))
            _ = try await stripe.refunds.create(.init(amount: 100, paymentIntent: intent.id))

            let subscriptionSession = try await stripe.checkout.sessions.create(.init(
                customer: customer.id, lineItems: [.init(price: monthly.id, quantity: 1)], mode: .subscription,
                successURL: "https://shop.example/ok"))
            let subscribed = try await emulator.complete(sessionID: subscriptionSession.id)
            let subscription = try await stripe.subscriptions.retrieve(try #require(subscribed.subscription?.id),
                                                                         .init(expand: [.customer, .latestInvoice]))
            _ = try await emulator.renewSubscription(subscription.id, paid: false)

            for try await _ in stripe.invoices.list() {}
            for try await _ in stripe.subscriptions.list(.init(status: .all)) {}
            for try await _ in stripe.refunds.list() {}
            for try await _ in stripe.events.list() {}
            for try await _ in stripe.customers.list() {}
            for try await _ in stripe.prices.list() {}
            for try await _ in stripe.products.list() {}
            for try await _ in stripe.paymentIntents.list() {}
            let portal = try await stripe.billingPortal.sessions.create(.init(customer: customer.id))
            #expect(portal.customer == customer.id)
            _ = try await stripe.customers.delete(customer.id)
            guard case .deletedCustomer = try await stripe.customers.retrieve(customer.id) else {
                Issue.record("a deleted customer decodes as deleted")
                return
            }
        }
    }
}
#endif
