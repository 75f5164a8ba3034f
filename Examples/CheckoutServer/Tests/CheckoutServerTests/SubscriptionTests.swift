import Foundation
import ShopKit
import StripeCheckout
import StripeRuntime
import Testing

/// The monthly plan: subscribed through Checkout, shown on the order with a link to the billing portal, and
/// cancelled there, each step followed by the shop through webhooks.
@Suite("The shop's subscriptions")
struct SubscriptionTests {
    @Test("subscribe, see the subscription, manage it in the portal, cancel now: the order follows every step")
    func subscribeAndCancelInPortal() async throws {
        let harness = try await ShopHarness.start()
        let created = try await harness.post("/orders", form: "product=plan&email=ada%40example.com")
        let id = try #require(created.location?.split(separator: "/").last.map(String.init))
        let page = try await harness.text("/orders/\(id)")
        #expect(page.contains("Demo plan, monthly") && page.contains("$9.00 a month"))
        #expect(!page.contains(#"id="quantity""#), "a plan has no quantity")

        let checkout = try await harness.location("/orders/\(id)/checkout")
        let session = try #require(await harness.emulator.sessions().first { $0.url == checkout })
        #expect(session.mode == .subscription)
        #expect(session.customerEmail == "ada@example.com")
        #expect(try await harness.location("/orders/\(id)/checkout") == checkout, "a refresh lands on the same session")
        _ = try await harness.emulator.complete(sessionID: session.id)
        let paid = try await harness.waitFor(id, "active", field: "subscriptionStatus")
        #expect(paid["status"] as? String == "paid")
        let subscription = try #require(paid["subscription"] as? String)
        let customer = try #require(paid["customer"] as? String)

        let subscribed = try await harness.text("/orders/\(id)")
        #expect(subscribed.contains(#"<dd id="order-status">Subscribed</dd>"#))
        #expect(subscribed.contains(#"<span id="subscription-status">Active</span>"#))
        #expect(subscribed.contains("Renews on"))
        #expect(!subscribed.contains(subscription) && !subscribed.contains(customer), "no Stripe ids on the page")
        #expect(!subscribed.contains(#"id="checkout""#))
        #expect(try await harness.location("/orders/\(id)/checkout").hasSuffix("?checkout=already-paid"))

        let portal = try await harness.location("/orders/\(id)/subscription")
        let portalPage = try await harness.text(portal)
        #expect(portalPage.contains("\(harness.base)/orders/\(id)"), "the portal links back to the order")
        let action = try #require(formAction(in: portalPage, before: #"id="cancel-now-1""#))
        let cancelled = try await harness.post(harness.emulator.baseURL.absoluteString + action, form: "when=now")
        #expect(cancelled.status == 303 || cancelled.status == 200)
        let ended = try await harness.waitFor(id, "canceled", field: "subscriptionStatus")
        #expect(ended["subscriptionStatus"] as? String == "canceled")
        let after = try await harness.text("/orders/\(id)")
        #expect(after.contains(#"<span id="subscription-status">Canceled</span>"#))
        #expect(!after.contains("Renews on"))
        try await harness.stop()
    }

    @Test("cancelling at the period's end keeps the subscription active and says when it ends")
    func cancelAtPeriodEnd() async throws {
        let harness = try await ShopHarness.start()
        let created = try await harness.post("/orders", form: "product=plan")
        let id = try #require(created.location?.split(separator: "/").last.map(String.init))
        let checkout = try await harness.location("/orders/\(id)/checkout")
        let session = try #require(await harness.emulator.sessions().first { $0.url == checkout })
        _ = try await harness.emulator.complete(sessionID: session.id)
        _ = try await harness.waitFor(id, "active", field: "subscriptionStatus")
        let portalPage = try await harness.text(try await harness.location("/orders/\(id)/subscription"))
        let action = try #require(formAction(in: portalPage, before: #"id="cancel-at-period-end-1""#))
        _ = try await harness.post(harness.emulator.baseURL.absoluteString + action, form: "when=period_end")
        var order: [String: Any] = [:]
        for _ in 0..<100 {
            order = try await harness.order(id)
            if order["cancelsAtPeriodEnd"] as? Bool == true { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(order["cancelsAtPeriodEnd"] as? Bool == true)
        #expect(order["subscriptionStatus"] as? String == "active")
        let page = try await harness.text("/orders/\(id)")
        #expect(page.contains("Ends on"))
        try await harness.stop()
    }

    @Test("an order without a subscription has nothing to manage")
    func nothingToManage() async throws {
        let harness = try await ShopHarness.start()
        let answer = try await harness.get("/orders/order-3/subscription")
        #expect(answer.status == .badRequest)
        #expect(String(buffer: try await answer.body.collect(upTo: 1 << 16)).contains("no subscription to manage"))
        try await harness.stop()
    }

    /// The `action` of the form holding the element `marker` (the last `action="…"` before it).
    private func formAction(in html: String, before marker: String) -> String? {
        guard let end = html.range(of: marker) else { return nil }
        guard let start = html[..<end.lowerBound].range(of: #"action=""#, options: .backwards) else { return nil }
        return html[start.upperBound...].split(separator: "\"", maxSplits: 1).first.map(String.init)
    }
}
