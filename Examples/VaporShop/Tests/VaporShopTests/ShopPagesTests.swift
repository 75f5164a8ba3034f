import Foundation
import Testing

/// The Vapor routes of what a customer meets besides paying: the front page, orders started from it, ids as the
/// customer typed them, a bad quantity, and a plan managed in the billing portal.
@Suite("The Vapor shop's pages", .serialized)
struct ShopPagesTests {
    @Test("the front page sells the catalog, and a mug order started there pays the catalog's price")
    func frontPage() async throws {
        let shop = try await ShopHarness.start()
        let front = try await shop.text("/")
        #expect(front.contains(#"<span id="mug-price">$15.00</span>"#))
        #expect(front.contains(#"<span id="plan-price">$9.00</span> a month"#))
        let created = try await shop.post("/orders", form: "product=mug")
        let id = try #require(created.location?.split(separator: "/").last.map(String.init))
        #expect(created.status == 303 && id.hasPrefix("mug-"))
        _ = try await shop.location("/orders/\(id)/checkout")
        #expect(await shop.emulator.sessions().first?.amountTotal == 1_500)
        try await shop.stop()
    }

    @Test("an order id is shown and sent to Stripe decoded; a bad quantity gets an error page")
    func idsAndQuantities() async throws {
        let shop = try await ShopHarness.start()
        let page = try await shop.text("/orders/caf%C3%A9%20n%C2%BA%204")
        #expect(page.contains("<h1>Order café nº 4</h1>"))
        let checkout = try await shop.location("/orders/caf%C3%A9%20n%C2%BA%204/checkout")
        #expect(await shop.emulator.sessions().first { $0.url == checkout }?.clientReferenceID == "café nº 4")
        let bad = try await shop.post("/orders/order-5/cart", form: "quantity=lots")
        #expect(bad.status == 400)
        #expect(bad.text.hasPrefix("<!doctype html>") && bad.text.contains("from 1 to 99"))
        #expect(try await shop.order("order-5")["quantity"] as? Int == 2)
        try await shop.stop()
    }

    @Test("a plan: subscribe, the order shows it with a portal link, cancel in the portal, the order follows")
    func planThroughPortal() async throws {
        let shop = try await ShopHarness.start()
        let created = try await shop.post("/orders", form: "product=plan")
        let id = try #require(created.location?.split(separator: "/").last.map(String.init))
        let checkout = try await shop.location("/orders/\(id)/checkout")
        let session = try #require(await shop.emulator.sessions().first { $0.url == checkout })
        #expect(session.mode == .subscription)
        _ = try await shop.emulator.complete(sessionID: session.id)
        _ = try await shop.waitForField(id, "subscriptionStatus", "active")
        let page = try await shop.text("/orders/\(id)")
        #expect(page.contains(#"id="manage-subscription""#) && page.contains("Renews on"))
        let portal = try await shop.text(try await shop.location("/orders/\(id)/subscription"))
        let marker = try #require(portal.range(of: #"id="cancel-now-1""#))
        let start = try #require(portal[..<marker.lowerBound].range(of: #"action=""#, options: .backwards))
        let action = try #require(portal[start.upperBound...].split(separator: "\"").first.map(String.init))
        _ = try await shop.post(shop.emulator.baseURL.absoluteString + action, form: "when=now")
        let order = try await shop.waitForField(id, "subscriptionStatus", "canceled")
        #expect(order["subscriptionStatus"] as? String == "canceled")
        #expect(try await shop.text("/orders/\(id)").contains(#"<span id="subscription-status">Canceled</span>"#))
        try await shop.stop()
    }
}
