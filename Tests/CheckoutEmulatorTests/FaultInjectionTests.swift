#if Emulator
import CheckoutEmulator
import Foundation
import StripeCheckout
import StripeRuntime
import Testing

@Suite("Injected faults and the client's retries")
struct FaultInjectionTests {
    @Test("a create whose answer is lost is retried with the same key, and exactly one session exists")
    func droppedCreate() async throws {
        try await withEmulator { emulator in
            await emulator.inject(EmulatorFault(.dropConnection, method: "POST", pathPrefix: "/v1/checkout/sessions", count: 1))
            let stripe = makeClient(emulator)
            let session = try await stripe.checkout.sessions.create(paymentParams(reference: "order_7"),
                                                                    options: .init(idempotencyKey: "order_7-v1"))
            #expect(await emulator.requestCount(method: "POST", path: "/v1/checkout/sessions") == 2)
            let stored = await emulator.sessions()
            #expect(stored.map(\.id) == [session.id])
            #expect(stored.first?.clientReferenceID == "order_7")
        }
    }

    @Test("the retried create is answered from the idempotency store")
    func droppedCreateIsReplayed() async throws {
        try await withEmulator { emulator in
            await emulator.inject(EmulatorFault(.dropConnection, method: "POST", pathPrefix: "/v1/checkout/sessions"))
            let stripe = makeClient(emulator)
            let response = try await stripe.send(.post, "/v1/checkout/sessions", params: paymentParams(),
                                                 options: .init(idempotencyKey: "dropped-1"))
            #expect(response.headers["Idempotent-Replayed"] == "true")
            #expect(await emulator.sessions().count == 1)
        }
    }

    @Test("without retries the lost answer surfaces as a connection error, yet the session exists")
    func droppedWithoutRetries() async throws {
        try await withEmulator { emulator in
            await emulator.inject(EmulatorFault(.dropConnection, method: "POST", pathPrefix: "/v1/checkout/sessions"))
            let stripe = makeClient(emulator, maxNetworkRetries: 0)
            let error = await #expect(throws: StripeError.self) {
                try await stripe.checkout.sessions.create(paymentParams(), options: .init(idempotencyKey: "lost-1"))
            }
            #expect(error?.kind == .connection)
            #expect(await emulator.sessions().count == 1)
        }
    }

    @Test("a 500 then success: the client retries once and succeeds")
    func serverErrorThenSuccess() async throws {
        try await withEmulator { emulator in
            await emulator.inject(EmulatorFault(.serverError, method: "POST", pathPrefix: "/v1/checkout/sessions"))
            let sleeps = SleepRecorder()
            let stripe = makeClient(emulator, sleeps: sleeps)
            let session = try await stripe.checkout.sessions.create(paymentParams())
            #expect(session.status == .open)
            #expect(await emulator.requestCount(method: "POST", path: "/v1/checkout/sessions") == 2)
            #expect(await sleeps.durations.count == 1)
            #expect(await emulator.sessions().count == 1)
        }
    }

    @Test("a 429 with Stripe-Should-Retry then success")
    func rateLimitThenSuccess() async throws {
        try await withEmulator { emulator in
            await emulator.inject(EmulatorFault(.rateLimit, method: "GET", pathPrefix: "/v1/checkout/sessions", count: 2))
            let sleeps = SleepRecorder()
            let stripe = makeClient(emulator, sleeps: sleeps)
            let page = try await stripe.checkout.sessions.listPage()
            #expect(page.data.isEmpty)
            #expect(await emulator.requestCount(method: "GET", path: "/v1/checkout/sessions") == 3)
            #expect(await sleeps.durations.count == 2)
        }
    }

    @Test("a 429 past the retry budget arrives as a typed error that says to retry")
    func rateLimitExhausted() async throws {
        try await withEmulator { emulator in
            await emulator.inject(EmulatorFault(.rateLimit, pathPrefix: "/v1/", count: 5))
            let stripe = makeClient(emulator, maxNetworkRetries: 1)
            let error = await #expect(throws: StripeError.self) { try await stripe.checkout.sessions.listPage() }
            #expect(error?.httpStatus == 429)
            #expect(error?.shouldRetry == true)
            #expect(error?.code == "rate_limit")
        }
    }

    @Test("an answer held past the client's timeout is retried and the session is made once")
    func delayPastTimeout() async throws {
        try await withEmulator { emulator in
            await emulator.inject(EmulatorFault(.delay, method: "POST", pathPrefix: "/v1/checkout/sessions", delay: .milliseconds(2500)))
            // Retries that arrive while the first attempt still runs get 409 (key in use) and wait for real.
            let stripe = StripeClient(apiKey: testAPIKey, apiVersion: StripeBindings.apiVersion, configuration: StripeConfiguration(
                baseURL: emulator.baseURL, maxNetworkRetries: 6, timeout: .seconds(1)))
            let session = try await stripe.checkout.sessions.create(paymentParams(), options: .init(idempotencyKey: "slow-1"))
            #expect(session.id.hasPrefix("cs_test_"))
            #expect(await emulator.requestCount(method: "POST", path: "/v1/checkout/sessions") >= 2)
            #expect(await eventually { await emulator.sessions().count == 1 })
            try await Task.sleep(for: .seconds(2))
            #expect(await emulator.sessions().count == 1, "the delayed request replays rather than creating again")
        }
    }

    @Test("faults can be injected over HTTP with a JSON body")
    func faultsOverHTTP() async throws {
        try await withEmulator { emulator in
            let added = try await rawRequest(
                emulator, .post, "/_emulator/faults",
                body: #"{"kind": "server_error", "method": "GET", "path_prefix": "/v1/checkout/sessions", "count": 1}"#,
                headers: ["Content-Type": "application/json"]
            )
            #expect(added.status == 200)
            let stripe = makeClient(emulator, maxNetworkRetries: 0)
            let error = await #expect(throws: StripeError.self) { try await stripe.checkout.sessions.listPage() }
            #expect(error?.httpStatus == 500)
            #expect(error?.type == .apiError)
            #expect(try await stripe.checkout.sessions.listPage().data.isEmpty)

            let bad = try await rawRequest(emulator, .post, "/_emulator/faults", body: #"{"kind": "meteor"}"#)
            #expect(bad.status == 400)
        }
    }
}
#endif
