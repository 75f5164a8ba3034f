import Foundation
import ShopKit
import StripeCheckout
import StripeRuntime
import Testing

/// What a customer meets around the payment: the front page and its catalog, orders started from it, ids as the
/// customer typed them, a bad quantity, and the pages Checkout returns to.
@Suite("The shop's pages")
struct ShopPagesTests {
    @Test("the front page sells the catalog's prices, made once by lookup key however many shops start")
    func frontPageAndCatalog() async throws {
        let harness = try await ShopHarness.start()
        let front = try await harness.get("/")
        #expect(front.status == .ok)
        let html = String(buffer: try await front.body.collect(upTo: 1 << 16))
        #expect(html.contains(#"<span id="mug-price">$15.00</span>"#))
        #expect(html.contains(#"<span id="plan-price">$9.00</span> a month"#))
        // A second server of the same shop finds the prices instead of making new ones.
        let again = try await Shop.start(ShopSettings(stripeAPIKey: "sk_test_shop", stripeBaseURL: harness.emulator.baseURL,
                                                      webhookSecret: ShopHarness.secret, publicURL: harness.base))
        #expect(again.catalog.entry(.mug) == harness.shop.catalog.entry(.mug))
        #expect(again.catalog.entry(.plan) == harness.shop.catalog.entry(.plan))
        let stripe = StripeClient(apiKey: "sk_test_shop", configuration: StripeConfiguration(baseURL: harness.emulator.baseURL))
        let prices = try await stripe.prices.listPage(.init(limit: 100))
        #expect(prices.data.count == 2, "one price per product: \(prices.data.map(\.id))")
        #expect(prices.data.first { $0.lookupKey == "demo_shop_plan_monthly" }?.recurring?.interval == .month)
        try await harness.stop()
    }

    @Test("an order started from the front page pays with the catalog's price")
    func orderFromFrontPage() async throws {
        let harness = try await ShopHarness.start()
        let created = try await harness.post("/orders", form: "product=mug")
        #expect(created.status == 303)
        let location = try #require(created.location)
        let id = try #require(location.split(separator: "/").last.map(String.init))
        #expect(location == "\(harness.base)/orders/\(id)" && id.hasPrefix("mug-"))
        let page = try await harness.text("/orders/\(id)")
        #expect(page.contains(#"<dd id="item">Demo mug × 1</dd>"#))
        _ = try await harness.location("/orders/\(id)/checkout")
        let session = try #require(await harness.emulator.sessions().first)
        #expect(session.amountTotal == 1_500)
        #expect(session.mode == .payment)
        let unknown = try await harness.post("/orders", form: "product=yacht")
        #expect(unknown.status == 400)
        #expect(unknown.text.contains("Choose a product"))
        try await harness.stop()
    }

    @Test("an order id is shown and sent to Stripe decoded, and links carry it encoded")
    func decodedOrderIDs() async throws {
        let harness = try await ShopHarness.start()
        let page = try await harness.text("/orders/caf%C3%A9%20n%C2%BA%204")
        #expect(page.contains("<h1>Order café nº 4</h1>"))
        #expect(page.contains(#"href="/orders/caf%C3%A9%20n%C2%BA%204/checkout""#))
        let checkout = try await harness.location("/orders/caf%C3%A9%20n%C2%BA%204/checkout")
        let session = try #require(await harness.emulator.sessions().first { $0.url == checkout })
        #expect(session.clientReferenceID == "café nº 4")
        #expect(session.successURL == "\(harness.base)/orders/caf%C3%A9%20n%C2%BA%204/success?session_id={CHECKOUT_SESSION_ID}")
        let tooLong = try await harness.get("/orders/" + String(repeating: "x", count: 201))
        #expect(tooLong.status == .badRequest)
        try await harness.stop()
    }

    @Test("a quantity that is not a whole number from 1 to 99 gets an error page, and the cart keeps its quantity")
    func badQuantity() async throws {
        let harness = try await ShopHarness.start()
        for bad in ["three", "0", "100", "", "2.5"] {
            let answer = try await harness.post("/orders/order-5/cart", form: "quantity=\(bad)")
            #expect(answer.status == 400, "quantity \(bad)")
            #expect(answer.text.hasPrefix("<!doctype html>"), "an HTML page, not JSON")
            #expect(answer.text.contains(#"role="alert""#) && answer.text.contains("from 1 to 99"))
            #expect(answer.text.contains(#"href="/orders/order-5""#), "a way back to the order")
        }
        #expect(try await harness.order("order-5")["quantity"] as? Int == 2)
        #expect(try await harness.post("/orders/order-5/cart", form: "quantity=4").status == 303)
        #expect(try await harness.order("order-5")["quantity"] as? Int == 4)
        try await harness.stop()
    }

    @Test("Checkout's cancel link lands on a page that says nothing was charged and offers the same session again")
    func cancelThenRetry() async throws {
        let harness = try await ShopHarness.start()
        let first = try await harness.location("/orders/order-8/checkout")
        let session = try #require(await harness.emulator.sessions().first)
        #expect(session.cancelURL == "\(harness.base)/orders/order-8/cancel")
        let cancel = try await harness.text("/orders/order-8/cancel")
        #expect(cancel.contains("Nothing was charged"))
        #expect(cancel.contains(#"href="/orders/order-8/checkout""#))
        #expect(try await harness.location("/orders/order-8/checkout") == first)
        let thanks = try await harness.text("/orders/order-8/success")
        #expect(thanks.contains("Waiting for the payment confirmation"))
        #expect(thanks.contains(#"http-equiv="refresh""#), "the thank-you page refreshes until the webhook arrives")
        try await harness.stop()
    }
}
