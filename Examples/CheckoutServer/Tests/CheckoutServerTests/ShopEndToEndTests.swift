import AsyncHTTPClient
import CheckoutEmulator
import CheckoutServerApp
import Foundation
import Hummingbird
import NIOCore
import NIOPosix
import StripeRuntime
import Testing

/// The shop against the emulator over loopback: checkout redirects to the order's session (the same one on every
/// refresh), paying it delivers the signed webhook and the order turns paid, a paid order is never sent to
/// Checkout again, a changed cart replaces the session, and a forged webhook is refused.
@Suite("The shop end to end")
struct ShopEndToEndTests {
    private static let specPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../../Specs/checkout.yaml").standardized.path

    @Test("checkout, five refreshes on one session, pay, webhook, paid; the checkout link then says already paid")
    func checkoutToPaid() async throws {
        let shop = try await ShopHarness.start()
        var locations: [String] = []
        for _ in 1...5 { locations.append(try await shop.location("/orders/order-7/checkout")) }
        let sessions = await shop.emulator.sessions()
        #expect(sessions.count == 1)
        let session = try #require(sessions.first)
        #expect(Set(locations) == [session.url ?? "-"], "every refresh lands on the one session")
        #expect(session.clientReferenceID == "order-7")
        #expect(session.amountTotal == 3_000)

        _ = try await shop.emulator.complete(sessionID: session.id)
        let paid = try await shop.waitFor("order-7", "paid")
        #expect(paid["paidSession"] as? String == session.id)
        let again = try await shop.location("/orders/order-7/checkout")
        #expect(again.hasSuffix("/orders/order-7?checkout=already-paid"))
        let page = try await shop.get("/orders/order-7?checkout=already-paid")
        let html = String(buffer: try await page.body.collect(upTo: 1 << 16))
        #expect(try await shop.text("/orders/order-7/success").contains("Your order is paid"))
        #expect(html.contains("already paid"))
        #expect(!html.contains(session.id), "the customer never sees Stripe's ids")
        #expect(!html.contains(#"id="checkout""#), "a paid order offers no checkout link")
        #expect(await shop.emulator.sessions().count == 1, "nothing was created for a paid order")
        try await shop.stop()
    }

    @Test("after a delayed payment fails the order page offers to pay again, and paying again pays the order")
    func payAgainAfterFailedPayment() async throws {
        let shop = try await ShopHarness.start()
        let first = try await shop.location("/orders/order-11/checkout")
        let session = try #require(await shop.emulator.sessions().first { $0.url == first })
        _ = try await shop.emulator.complete(sessionID: session.id, delayedPayment: true)
        _ = try await shop.waitFor("order-11", "processing")
        _ = try await shop.emulator.settleAsyncPayment(sessionID: session.id, succeeded: false)
        _ = try await shop.waitFor("order-11", "payment_failed")
        let page = String(buffer: try await shop.get("/orders/order-11").body.collect(upTo: 1 << 16))
        #expect(page.contains(#"id="payment-failed""#))
        #expect(page.contains(#"id="checkout""#), "the order can be paid again")
        let second = try await shop.location("/orders/order-11/checkout")
        let retry = try #require(await shop.emulator.sessions().first { $0.url == second })
        #expect(retry.id != session.id, "a new session, not the failed one")
        _ = try await shop.emulator.complete(sessionID: retry.id)
        let paid = try await shop.waitFor("order-11", "paid")
        #expect(paid["paidSession"] as? String == retry.id)
        #expect((paid["refundedSessions"] as? [String])?.isEmpty != false, "the failed payment is no duplicate to refund")
        try await shop.stop()
    }

    @Test("a changed quantity makes a new session and expires the old one")
    func cartChange() async throws {
        let shop = try await ShopHarness.start()
        let first = try await shop.location("/orders/order-9/checkout")
        var form = HTTPClientRequest(url: "\(shop.base)/orders/order-9/cart")
        form.method = .POST
        form.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        form.body = .bytes(ByteBuffer(string: "quantity=3"))
        let updated = try await shop.http.execute(form, timeout: .seconds(5))
        #expect(updated.status == .seeOther)
        #expect(updated.headers.first(name: "location") == "\(shop.base)/orders/order-9")
        let second = try await shop.location("/orders/order-9/checkout")
        let sessions = await shop.emulator.sessions()
        #expect(first != second)
        #expect(sessions.count == 2)
        #expect(sessions.first { $0.url == second }?.amountTotal == 4_500)
        #expect(sessions.filter { $0.status == .open }.count == 1)
        try await shop.stop()
    }

    @Test("an order paid twice (a second server without a shared lock made another session) is refunded once")
    func doublePayment() async throws {
        let shop = try await ShopHarness.start()
        let location = try await shop.location("/orders/order-11/checkout")
        let first = try #require(await shop.emulator.sessions().first { $0.url == location })
        let stripe = StripeClient(apiKey: "sk_test_other_server", configuration: StripeConfiguration(baseURL: shop.emulator.baseURL))
        let second = try await stripe.checkout.sessions.create(.init(
            clientReferenceID: "order-11",
            lineItems: [.init(priceData: .init(currency: "usd", productData: .init(name: "Demo mug"), unitAmount: 1_500),
                              quantity: 2)],
            mode: .payment, successURL: "https://shop.example/ok"))
        _ = try await shop.emulator.complete(sessionID: first.id)
        _ = try await shop.emulator.complete(sessionID: second.id)
        var order: [String: Any] = [:]
        for _ in 0..<100 {
            order = try await shop.order("order-11")
            if (order["refundedSessions"] as? [String])?.isEmpty == false { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        let refunds = await shop.emulator.refunds()
        try await shop.stop()
        let refunded = try #require((order["refundedSessions"] as? [String])?.first)
        #expect(order["status"] as? String == "paid")
        #expect(Set([refunded, order["paidSession"] as? String ?? "-"]) == Set([first.id, second.id]))
        #expect(refunds.count == 1)
        #expect(refunds.first?.amount == 3_000)
    }

    @Test("a forged webhook is refused")
    func forgedWebhook() async throws {
        let shop = try await ShopHarness.start()
        var forged = HTTPClientRequest(url: "\(shop.base)/webhooks/stripe")
        forged.method = .POST
        let payload = Data(#"{"id":"evt_forged","type":"checkout.session.completed"}"#.utf8)
        forged.headers.add(name: "Stripe-Signature", value: WebhookSigner(secret: "whsec_not_ours").header(for: payload))
        forged.body = .bytes(ByteBuffer(bytes: payload))
        let refused = try await shop.http.execute(forged, timeout: .seconds(5))
        #expect(refused.status == .badRequest)
        try await shop.stop()
    }
}
