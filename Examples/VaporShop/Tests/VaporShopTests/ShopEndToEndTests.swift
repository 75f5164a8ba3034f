import Foundation
import StripeRuntime
import Testing

/// The Vapor shop against the emulator over loopback: checkout redirects to the order's session (the same one on
/// every refresh), paying it delivers the signed webhook and the order turns paid, a paid order is never sent to
/// Checkout again, a forged webhook changes nothing, and a redelivered one runs nothing twice.
@Suite("The Vapor shop end to end", .serialized)
struct ShopEndToEndTests {
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
        #expect(session.successURL == "\(shop.base)/orders/order-7/success?session_id={CHECKOUT_SESSION_ID}")
        #expect(session.cancelURL == "\(shop.base)/orders/order-7/cancel")
        #expect(try await shop.text("/orders/order-7/success").contains("Waiting for the payment confirmation"))

        _ = try await shop.emulator.complete(sessionID: session.id)
        let paid = try await shop.waitForStatus("order-7", "paid")
        #expect(paid["paidSession"] as? String == session.id)
        #expect(try await shop.waitForDelivery(of: "checkout.session.completed"))

        let again = try await shop.location("/orders/order-7/checkout")
        #expect(again == "\(shop.base)/orders/order-7?checkout=already-paid")
        let page = try await shop.text("/orders/order-7?checkout=already-paid")
        #expect(page.contains("already paid"))
        #expect(!page.contains(session.id), "the customer never sees Stripe's ids")
        #expect(!page.contains("id=\"checkout\""), "a paid order offers no checkout link")
        #expect(try await shop.text("/orders/order-7/success").contains("Your order is paid"))
        #expect(await shop.emulator.sessions().count == 1, "nothing was created for a paid order")
        try await shop.stop()
    }

    @Test("the cancel page offers checkout again, and it lands on the same open session")
    func cancelThenRetry() async throws {
        let shop = try await ShopHarness.start()
        let first = try await shop.location("/orders/order-8/checkout")
        let cancel = try await shop.text("/orders/order-8/cancel")
        #expect(cancel.contains("Nothing was charged"))
        #expect(cancel.contains("/orders/order-8/checkout"))
        #expect(try await shop.location("/orders/order-8/checkout") == first)
        #expect(await shop.emulator.sessions().count == 1)
        try await shop.stop()
    }

    @Test("a webhook signed with another secret is refused with 400 and changes nothing")
    func forgedWebhook() async throws {
        let shop = try await ShopHarness.start()
        _ = try await shop.location("/orders/order-9/checkout")
        let session = try #require(await shop.emulator.sessions().first)
        let payload = ShopHarness.completedEvent(id: "evt_forged", session: session.id, reference: "order-9")
        let forged = try await shop.postWebhook(payload, signature: WebhookSigner(secret: "whsec_not_ours").header(for: payload))
        #expect(forged.status == 400)
        let unsigned = try await shop.postWebhook(payload, signature: nil)
        #expect(unsigned.status == 400)
        #expect(try await shop.order("order-9")["status"] as? String == "pending")
        try await shop.stop()
    }

    @Test("a redelivered event is acknowledged as a duplicate and runs nothing again")
    func redelivery() async throws {
        let shop = try await ShopHarness.start()
        _ = try await shop.location("/orders/order-10/checkout")
        let session = try #require(await shop.emulator.sessions().first)
        let payload = ShopHarness.completedEvent(id: "evt_redelivered", session: session.id, reference: "order-10")
        let signer = WebhookSigner(secret: ShopHarness.secret)
        let first = try await shop.postWebhook(payload, signature: signer.header(for: payload))
        #expect(first.status == 200)
        #expect(first.text.hasPrefix("handled evt_redelivered"))
        let again = try await shop.postWebhook(payload, signature: signer.header(for: payload))
        #expect(again.status == 200, "Stripe must stop retrying")
        #expect(again.text.hasPrefix("duplicate evt_redelivered"))
        let order = try await shop.order("order-10")
        #expect(order["status"] as? String == "paid")
        #expect(order["paidSession"] as? String == session.id)
        #expect(await shop.emulator.refunds().isEmpty)
        try await shop.stop()
    }
}

/// A delayed payment that fails leaves the Vapor shop's order payable: a new session, not the failed one.
@Suite("The Vapor shop after a failed payment", .serialized)
struct FailedPaymentTests {
    @Test("after a delayed payment fails the order offers to pay again, and paying again pays the order")
    func payAgainAfterFailedPayment() async throws {
        let shop = try await ShopHarness.start()
        let first = try await shop.location("/orders/order-11/checkout")
        let session = try #require(await shop.emulator.sessions().first { $0.url == first })
        _ = try await shop.emulator.complete(sessionID: session.id, delayedPayment: true)
        _ = try await shop.waitForStatus("order-11", "processing")
        #expect(try await shop.location("/orders/order-11/checkout").hasSuffix("?checkout=processing"))
        _ = try await shop.emulator.settleAsyncPayment(sessionID: session.id, succeeded: false)
        _ = try await shop.waitForStatus("order-11", "payment_failed")
        let page = try await shop.text("/orders/order-11")
        #expect(page.contains(#"id="payment-failed""#) && page.contains(#"id="checkout""#))
        let second = try await shop.location("/orders/order-11/checkout")
        let retry = try #require(await shop.emulator.sessions().first { $0.url == second })
        #expect(retry.id != session.id, "a new session, not the failed one")
        _ = try await shop.emulator.complete(sessionID: retry.id)
        let paid = try await shop.waitForStatus("order-11", "paid")
        #expect(paid["paidSession"] as? String == retry.id)
        try await shop.stop()
    }
}
