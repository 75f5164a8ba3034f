#if Emulator
import CheckoutEmulator
import Foundation
import StripeCheckout
import StripeRuntime
import Testing

@Suite("Subscriptions a checkout starts, their renewals, and the billing portal")
struct SubscriptionTests {
    /// A monthly price and a paid subscription-mode session for it, with a webhook receiver's deliveries.
    private func subscribe(_ emulator: CheckoutEmulator, _ stripe: StripeClient,
                           trialDays: Int? = nil) async throws -> (session: CheckoutSession, subscription: Subscription) {
        let price = try await stripe.prices.create(.init(currency: "usd", productData: .init(name: "Pro plan"),
                                                          recurring: .init(interval: .month), unitAmount: 2000))
        var params = CheckoutSessionsAPI.CreateParams(lineItems: [.init(price: price.id, quantity: 1)], mode: .subscription,
                                                     successURL: "https://saas.example/welcome")
        if let trialDays { params.subscriptionData = .init(trialPeriodDays: trialDays) }
        let session = try await stripe.checkout.sessions.create(params)
        let paid = try await emulator.complete(sessionID: session.id, email: "team@example.com")
        let subscriptionID = try #require(paid.subscription?.id)
        return (paid, try await stripe.subscriptions.retrieve(subscriptionID))
    }

    @Test("a paid subscription checkout leaves a customer, an active subscription and a paid invoice, with their events")
    func subscriptionCheckout() async throws {
        try await withEmulator { emulator in
            let stripe = makeClient(emulator)
            let (session, subscription) = try await subscribe(emulator, stripe)
            #expect(subscription.status == .active)
            #expect(subscription.customer?.id == session.customer?.id)
            #expect(subscription.items?.data?.first?.price?.unitAmount == 2000)
            let customerID = try #require(session.customer?.id)
            let invoices = try await stripe.invoices.listPage(.init(subscription: subscription.id))
            #expect(invoices.data.count == 1)
            #expect(invoices.data.first?.status == .paid)
            #expect(invoices.data.first?.amountPaid == 2000)
            #expect(try await stripe.subscriptions.listPage(.init(customer: customerID)).data.map(\.id) == [subscription.id])
            let types = try await stripe.events.listPage().data.compactMap(\.type?.rawValue)
            #expect(types == ["checkout.session.completed", "invoice.paid", "customer.subscription.created", "customer.created"])
            let expanded = try await stripe.checkout.sessions.retrieve(session.id, .init(expand: [.subscription]))
            #expect(expanded.subscription?.object?.id == subscription.id)
        }
    }

    @Test("trial_period_days starts the subscription trialing, with a free first invoice")
    func trial() async throws {
        try await withEmulator { emulator in
            let stripe = makeClient(emulator)
            let (_, subscription) = try await subscribe(emulator, stripe, trialDays: 14)
            #expect(subscription.status == .trialing)
            let trialEnd = try #require(subscription.trialEnd)
            let start = try #require(subscription.trialStart)
            #expect(trialEnd.timeIntervalSince(start) == 14 * 86400)
            #expect(try await stripe.invoices.listPage().data.first?.amountPaid == 0)
        }
    }

    @Test("a renewal bills the next period: paid keeps it active, failed makes it past_due, a later payment recovers it")
    func renewals() async throws {
        try await withEmulator { emulator in
            let stripe = makeClient(emulator)
            let (_, subscription) = try await subscribe(emulator, stripe)
            let renewed = try await emulator.renewSubscription(subscription.id, paid: true)
            #expect(renewed.status == .active)
            #expect(renewed.currentPeriodStart == subscription.currentPeriodEnd)
            let failed = try await emulator.renewSubscription(subscription.id, paid: false)
            #expect(failed.status == .pastDue)
            let invoices = try await stripe.invoices.listPage(.init(subscription: subscription.id))
            #expect(invoices.data.map(\.status) == [.open, .paid, .paid])
            #expect(invoices.data.first?.billingReason == .subscriptionCycle)
            let types = try await stripe.events.listPage(.init(limit: 2)).data.compactMap(\.type?.rawValue)
            #expect(types == ["customer.subscription.updated", "invoice.payment_failed"])
            #expect(try await emulator.renewSubscription(subscription.id, paid: true).status == .active)
        }
    }

    @Test("cancel at period end through the API, then the renewal ends it; cancel now ends it at once")
    func cancelling() async throws {
        try await withEmulator { emulator in
            let stripe = makeClient(emulator)
            let (_, first) = try await subscribe(emulator, stripe)
            let pending = try await stripe.subscriptions.update(first.id, .init(cancelAtPeriodEnd: true))
            #expect(pending.cancelAtPeriodEnd == true)
            #expect(pending.status == .active)
            let ended = try await emulator.renewSubscription(first.id, paid: true)
            #expect(ended.status == .canceled)
            #expect(try await stripe.subscriptions.listPage().data.isEmpty, "canceled subscriptions are left out by default")
            #expect(try await stripe.subscriptions.listPage(.init(status: .all)).data.count == 1)

            let (_, second) = try await subscribe(emulator, stripe)
            let canceled = try await stripe.subscriptions.delete(second.id)
            #expect(canceled.status == .canceled)
            #expect(canceled.cancellationDetails?.reason == .cancellationRequested)
            let again = await #expect(throws: StripeError.self) { try await stripe.subscriptions.delete(second.id) }
            #expect(again?.httpStatus == 400)
        }
    }

    @Test("the billing portal lists the customer's subscriptions and cancels one, with its events; return_url is checked")
    func portal() async throws {
        try await withEmulator { emulator in
            let stripe = makeClient(emulator)
            let (session, subscription) = try await subscribe(emulator, stripe)
            let customer = try #require(session.customer?.id)
            let bad = await #expect(throws: StripeError.self) {
                try await stripe.billingPortal.sessions.create(.init(customer: customer, returnURL: "/account"))
            }
            #expect(bad?.param == "return_url")
            let portal = try await stripe.billingPortal.sessions.create(.init(customer: customer,
                                                                              returnURL: "https://saas.example/account"))
            let url = try #require(URL(string: portal.url ?? ""))
            let page = try await browserRequest(emulator, .get, url.path)
            #expect(page.status == 200)
            #expect(page.text.contains("Pro plan"))
            #expect(page.text.contains(#"href="https://saas.example/account""#))
            let cancel = try await browserRequest(emulator, .post, url.path + "/subscriptions/\(subscription.id)/cancel",
                                                  form: "when=period_end")
            #expect(cancel.status == 303)
            #expect(try await stripe.subscriptions.retrieve(subscription.id).cancelAtPeriodEnd == true)
            let latest = try #require(try await stripe.events.listPage(.init(limit: 1)).data.first)
            #expect(latest.type?.rawValue == "customer.subscription.updated")
            #expect(latest.data?.previousAttributes?["cancel_at_period_end"] == .bool(false))
            _ = try await browserRequest(emulator, .post, url.path + "/subscriptions/\(subscription.id)/cancel", form: "when=now")
            #expect(try await stripe.subscriptions.retrieve(subscription.id).status == .canceled)
            let unknown = await #expect(throws: StripeError.self) {
                try await stripe.billingPortal.sessions.create(.init(customer: "cus_missing"))
            }
            #expect(unknown?.httpStatus == 404)
        }
    }
}
#endif
