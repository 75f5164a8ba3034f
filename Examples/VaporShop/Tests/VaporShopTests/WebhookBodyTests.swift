import Foundation
import StripeRuntime
import Testing

/// The webhook route hands the verifier the body exactly as it arrived, and reads nothing over its limit.
@Suite("The Vapor shop's webhook body", .serialized)
struct WebhookBodyTests {
    /// A valid event whose bytes any decode-and-re-encode would change: keys out of order, spaces and new lines,
    /// `\u00e9` escapes, a float spelled `1.50`.
    private func unusualEvent(session: String, reference: String) -> Data {
        Data(#"""
        {
          "type" : "checkout.session.completed",   "id" : "evt_raw_bytes",
          "object" : "event", "created" : 1700000000, "livemode" : false, "api_version" : "2023-08-16",
          "pending_webhooks" : 1, "request" : { "idempotency_key" : "caf\u00e9-\u00e9t\u00e9", "id" : null },
          "data" : { "object" : { "object" : "checkout.session", "id" : "\#(session)",
            "client_reference_id" : "\#(reference)", "metadata" : { "note" : "cr\u00e8me br\u00fbl\u00e9e", "ratio" : "1.50" },
            "payment_status" : "paid", "status" : "complete", "mode" : "payment", "livemode" : false,
            "created" : 1700000000, "expires_at" : 1700086400,
            "automatic_tax" : { "status" : null, "enabled" : false },
            "custom_fields" : [ ], "custom_text" : { "submit" : null, "shipping_address" : null },
            "payment_method_types" : [ "card" ], "shipping_options" : [ ] } }
        }
        """#.utf8)
    }

    @Test("an event whose JSON re-encoding differs verifies from the raw bytes; the re-encoded bytes do not")
    func rawBytesReachTheVerifier() async throws {
        let shop = try await ShopHarness.start()
        _ = try await shop.location("/orders/order-12/checkout")
        let session = try #require(await shop.emulator.sessions().first)
        let payload = unusualEvent(session: session.id, reference: "order-12")
        let signature = WebhookSigner(secret: ShopHarness.secret).header(for: payload)
        let reencoded = try JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: payload))
        #expect(reencoded != payload, "the event must change under re-encoding for this test to mean anything")

        let tampered = try await shop.postWebhook(reencoded, signature: signature)
        #expect(tampered.status == 400, "a signature covers the exact bytes")
        #expect(try await shop.order("order-12")["status"] as? String == "pending")

        let raw = try await shop.postWebhook(payload, signature: signature)
        #expect(raw.status == 200)
        #expect(raw.text.hasPrefix("handled evt_raw_bytes"))
        #expect(try await shop.order("order-12")["paidSession"] as? String == session.id)
        try await shop.stop()
    }

    @Test("a correctly signed body over the limit is answered 413 and handled not at all, in one piece or streamed")
    func overTheLimit() async throws {
        let limit = 1_024
        let shop = try await ShopHarness.start(webhookBodyLimit: limit)
        _ = try await shop.location("/orders/order-13/checkout")
        let session = try #require(await shop.emulator.sessions().first)
        let signer = WebhookSigner(secret: ShopHarness.secret)
        let event = ShopHarness.completedEvent(id: "evt_large", session: session.id, reference: "order-13")
        #expect(event.count < limit)

        for size in [limit + 1, 4 * limit, 256 * limit] {
            // Trailing spaces keep it valid JSON, so only its size can be the reason it is refused.
            let padded = event + Data(repeating: UInt8(ascii: " "), count: size - event.count)
            let answer = try await shop.postWebhook(padded, signature: signer.header(for: padded))
            #expect(answer.status == 413, "\(size) bytes")
            #expect(try await shop.order("order-13")["status"] as? String == "pending", "\(size) bytes")
        }
        let fits = try await shop.postWebhook(event, signature: signer.header(for: event))
        #expect(fits.status == 200)
        #expect(fits.text.hasPrefix("handled evt_large"), "the event was not claimed by the refused deliveries")
        try await shop.stop()
    }
}
