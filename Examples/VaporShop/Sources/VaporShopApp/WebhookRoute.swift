import Foundation
import ShopKit
import Vapor

/// Adds `POST /webhooks/stripe`: the raw body, collected in full and byte for byte, goes with the
/// `Stripe-Signature` header to the shop; the answer is the outcome's status, with the outcome as plain text.
///
/// Stripe signs the exact bytes it sends (`timestamp.body`, HMAC-SHA256). Anything that decodes the body first
/// (`request.content.decode`) and hands the verifier re-encoded JSON changes those bytes — key order, whitespace,
/// `\u00e9`-style escapes, number spellings — and a genuine event then fails verification, or, worse, a shop
/// that skips verification to "fix" that trusts anyone. So the route never decodes before verifying.
func addWebhookRoute(_ app: Application, shop: Shop) {
    let bodyLimit = shop.settings.webhookBodyLimit
    // `.collect(maxSize:)` has Vapor gather a streamed body before the closure runs and answer 413 once it grows
    // past the limit. A body whose bytes all arrive in one read is handed over already collected, without that
    // check, so the closure checks the size itself: either way nothing larger than the limit is verified or handled.
    app.on(.POST, "webhooks", "stripe", body: .collect(maxSize: ByteCount(value: bodyLimit))) { request async -> Response in
        let body = request.body.data ?? ByteBuffer()
        guard body.readableBytes <= bodyLimit else {
            return Response(status: .payloadTooLarge, body: .init(string: "webhook body over \(bodyLimit) bytes\n"))
        }
        let payload = Data(body.readableBytesView)
        return response(await shop.webhook(payload: payload, signature: request.headers.first(name: "Stripe-Signature")))
    }
}
