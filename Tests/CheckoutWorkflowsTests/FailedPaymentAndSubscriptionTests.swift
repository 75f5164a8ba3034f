#if Emulator
import CheckoutEmulator
import CheckoutWorkflows
import Foundation
import StripeCheckout
import StripeRuntime
import Testing

@Suite("An order whose delayed payment failed, subscription checkouts, and their webhooks")
struct FailedPaymentAndSubscriptionTests {
    @Test("after a delayed payment fails the order can be paid again, and the new payment is no duplicate")
    func payAgainAfterFailure() async throws {
        let harness = try await WorkflowHarness.start()
        let order = try OrderReference("order-failed")
        let first = try await harness.workflows.checkout(order, orderParams()).session
        try await harness.emulator.complete(sessionID: first.id, delayedPayment: true)
        guard case .paymentProcessing = try await harness.workflows.checkout(order, orderParams()) else {
            Issue.record("a payment still settling answers processing")
            await harness.stop()
            return
        }
        try await harness.emulator.settleAsyncPayment(sessionID: first.id, succeeded: false)
        let again = try await harness.workflows.checkout(order, orderParams())
        guard case .pay(let second) = again else {
            Issue.record("a failed payment leaves the order payable, got \(again)")
            await harness.stop()
            return
        }
        #expect(second.id != first.id)
        try await harness.emulator.complete(sessionID: second.id)
        let settled = try await harness.workflows.checkout(order, orderParams())
        await harness.stop()
        guard case .alreadyPaid(let paid) = settled else {
            Issue.record("the second payment pays the order, got \(settled)")
            return
        }
        #expect(paid.id == second.id, "the session whose payment failed does not count as the paying one")
    }

    @Test("a subscription checkout for a known customer, then renewals and a cancellation reach their handlers once")
    func subscriptionCheckoutAndBillingWebhooks() async throws {
        let harness = try await WorkflowHarness.start()
        let stripe = harness.stripe
        let customer = try await stripe.customers.create(.init(email: "owner@saas.example"))
        let price = try await stripe.prices.create(.init(currency: "usd", lookupKey: "team-monthly",
                                                          productData: .init(name: "Team plan"),
                                                          recurring: .init(interval: .month), unitAmount: 4900))
        let order = try OrderReference("account-42")
        let params = CheckoutSessionsAPI.CreateParams(lineItems: [.init(price: price.id, quantity: 3)], mode: .subscription,
                                                     successURL: "https://saas.example/welcome")
        let decision = try await harness.workflows.checkout(order, params, customer: .id(customer.id))
        guard case .pay(let session) = decision else {
            Issue.record("a new subscription checkout answers pay, got \(decision)")
            await harness.stop()
            return
        }
        #expect(session.customer?.id == customer.id)
        #expect(session.mode == .subscription)
        try await harness.emulator.complete(sessionID: session.id)
        guard case .alreadyPaid = try await harness.workflows.checkout(order, params, customer: .id(customer.id)) else {
            Issue.record("a subscribed account is not sent to pay again")
            await harness.stop()
            return
        }
        let subscription = try #require(try await stripe.checkout.sessions.retrieve(session.id).subscription?.id)
        try await harness.emulator.renewSubscription(subscription, paid: false)
        _ = try await stripe.subscriptions.delete(subscription)

        let seen = Seen()
        let secret = "whsec_billing"
        let handler = CheckoutWebhookHandler(verifier: WebhookVerifier(secret: secret))
            .onSubscriptionCreated { subscription, _ in await seen.add("created \(subscription.status?.rawValue ?? "-")") }
            .onSubscriptionUpdated { subscription, previous in
                await seen.add("updated \(previous?["status"]?.stringValue ?? "-") -> \(subscription.status?.rawValue ?? "-")")
            }
            .onSubscriptionDeleted { subscription, _ in await seen.add("deleted \(subscription.status?.rawValue ?? "-")") }
            .onInvoicePaid { invoice in await seen.add("paid \(invoice.amountPaid ?? -1)") }
            .onInvoicePaymentFailed { invoice in await seen.add("failed \(invoice.amountRemaining ?? -1)") }
        let signer = WebhookSigner(secret: secret)
        let events = try await rawEvents(harness.emulator)
        for payload in events.reversed() + events {  // every event, oldest first, then each one delivered again
            let outcome = await handler.handle(payload: payload, signatureHeader: signer.header(for: payload))
            #expect(outcome.httpStatus == 200)
        }
        await harness.stop()
        #expect(await seen.entries == [
            "created active", "paid 14700", "failed 14700", "updated active -> past_due", "deleted canceled",
        ])
    }

    /// Every event the emulator sent, newest first, as the raw JSON it would post.
    private func rawEvents(_ emulator: CheckoutEmulator) async throws -> [Data] {
        let url = try #require(URL(string: emulator.baseURL.absoluteString + "/v1/events?limit=100"))
        let response = try await URLSessionTransport().send(HTTPRequest(
            method: .get, url: url, headers: ["Authorization": "Bearer sk_test_workflows"]))
        let list = try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: Any])
        let data = try #require(list["data"] as? [Any])
        return try data.map { try JSONSerialization.data(withJSONObject: $0) }
    }

    private actor Seen {
        var entries: [String] = []
        func add(_ entry: String) { entries.append(entry) }
    }
}
#endif
