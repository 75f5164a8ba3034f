#if Emulator
import CheckoutEmulator
import Foundation
import StripeCheckout
import StripeRuntime
import Testing

/// A clock the test moves by hand.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_700_000_000)
    var now: Date { lock.withLock { current } }
    func advance(by seconds: TimeInterval) { lock.withLock { current += seconds } }
}

@Suite("Expiry at expires_at, and prices added over HTTP")
struct ExpiryAndPricesTests {
    @Test("an open session past its expires_at reads as expired, and a second expire is a 400")
    func expiresAt() async throws {
        let clock = ManualClock()
        try await withEmulator({ $0.now = { clock.now } }) { emulator in
            let stripe = makeClient(emulator)
            var params = paymentParams()
            params.expiresAt = clock.now.addingTimeInterval(3600)
            let session = try await stripe.checkout.sessions.create(params)
            #expect(session.expiresAt == clock.now.addingTimeInterval(3600))
            #expect(try await stripe.checkout.sessions.retrieve(session.id).status == .open)
            clock.advance(by: 3601)
            #expect(try await stripe.checkout.sessions.listPage().data.first?.status == .expired)
            let error = await #expect(throws: StripeError.self) { try await stripe.checkout.sessions.expire(session.id) }
            #expect(error?.httpStatus == 400)

            params.expiresAt = clock.now.addingTimeInterval(60)
            let tooSoon = await #expect(throws: StripeError.self) { try await stripe.checkout.sessions.create(params) }
            #expect(tooSoon?.param == "expires_at")
        }
    }

    @Test("POST /_emulator/prices makes a price usable by id; subscription mode needs a recurring one")
    func pricesOverHTTP() async throws {
        try await withEmulator { emulator in
            let added = try await rawRequest(
                emulator, .post, "/_emulator/prices",
                body: #"{"id": "price_monthly", "unit_amount": 1200, "currency": "eur", "recurring_interval": "month"}"#
            )
            #expect(added.status == 200)
            let stripe = makeClient(emulator)
            var params = paymentParams()
            params.mode = .subscription
            params.lineItems = [.init(price: "price_monthly", quantity: 1)]
            let session = try await stripe.checkout.sessions.create(params)
            #expect(session.currency == "eur")
            #expect(session.amountTotal == 1200)
            let completed = try await emulator.complete(sessionID: session.id)
            #expect(completed.subscription?.id.hasPrefix("sub_") == true)
            #expect(try await stripe.checkout.sessions.listPage(.init(subscription: completed.subscription?.id)).data.map(\.id) == [session.id])

            params.mode = .payment
            let error = await #expect(throws: StripeError.self) { try await stripe.checkout.sessions.create(params) }
            #expect(error?.param == "line_items[0]", "a recurring price cannot be sold in payment mode")
        }
    }
}
#endif
