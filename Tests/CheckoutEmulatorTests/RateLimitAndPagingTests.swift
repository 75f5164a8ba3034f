#if Emulator
import CheckoutEmulator
import Foundation
import StripeCheckout
import StripeRuntime
import Testing

@Suite("Rate limits without Stripe-Should-Retry, and paging backwards")
struct RateLimitAndPagingTests {
    @Test("a rate limit without Stripe-Should-Retry is not retried")
    func plainRateLimit() async throws {
        try await withEmulator { emulator in
            await emulator.inject(EmulatorFault(.rateLimit, method: "GET", pathPrefix: "/v1/checkout/sessions", count: 3,
                                                sendsShouldRetry: false))
            let stripe = makeClient(emulator)
            let error = await #expect(throws: StripeError.self) { try await stripe.checkout.sessions.listPage() }
            #expect(error?.httpStatus == 429)
            #expect(error?.shouldRetry == nil)
            #expect(await emulator.requestCount(method: "GET", path: "/v1/checkout/sessions") == 1)
        }
    }

    @Test("the fault's JSON form carries sends_should_retry")
    func faultJSON() throws {
        let fault = try JSONDecoder().decode(EmulatorFault.self, from: Data(#"{"kind":"rate_limit","sends_should_retry":false}"#.utf8))
        #expect(fault.kind == .rateLimit && !fault.sendsShouldRetry)
        let back = try JSONDecoder().decode(EmulatorFault.self, from: JSONEncoder().encode(fault))
        #expect(back == fault)
        let plain = try JSONDecoder().decode(EmulatorFault.self, from: Data(#"{"kind":"rate_limit"}"#.utf8))
        #expect(plain.sendsShouldRetry)
    }

    @Test("list with ending_before walks backwards, ending_before the first id of each page")
    func backwards() async throws {
        try await withEmulator { emulator in
            let stripe = makeClient(emulator)
            var created: [String] = []
            for _ in 0..<5 { created.append(try await stripe.checkout.sessions.create(paymentParams()).id) }
            var walked: [String] = []
            for try await session in stripe.checkout.sessions.list(.init(endingBefore: created[0], limit: 2)) {
                walked.append(session.id)
            }
            #expect(walked == Array(created.dropFirst()), "every newer session, moving away from the cursor")
            #expect(await emulator.requestCount(method: "GET", path: "/v1/checkout/sessions") == 2)
        }
    }
}
#endif
