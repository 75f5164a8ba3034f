import Foundation
import Testing
@testable import StripeRuntime

/// Retries against a real HTTP server on 127.0.0.1, through the default URLSession transport.
@Suite(.serialized) struct RetryOverHTTPTests {
    private let ok = LocalHTTPServer.Reply(status: 200, body: #"{"id":"cs_ok","object":"checkout.session"}"#)

    private func client(_ url: URL, sleeps: Recorder<Duration>, retries: Int = 2) -> StripeClient {
        StripeClient(apiKey: "sk_test_local0000000000000001", configuration: .testing(baseURL: url, sleeps: sleeps, maxNetworkRetries: retries))
    }

    private func create(_ client: StripeClient, options: RequestOptions = RequestOptions()) async throws -> SampleSession {
        try await client.perform(.post, "/v1/checkout/sessions", params: SampleSessionParams(clientReferenceID: "order_42"), options: options)
    }

    @Test(arguments: [409, 500, 503])
    func retryableStatusesAreRetriedWithTheSameIdempotencyKey(status: Int) async throws {
        let sleeps = Recorder<Duration>()
        let received = try await withLocalServer([.init(status: status, body: "{}"), .init(status: status, body: "{}"), ok]) { url, server in
            let session = try await create(client(url, sleeps: sleeps))
            #expect(session.id == "cs_ok")
            return server.received
        }
        #expect(received.count == 3)
        let keys = Set(received.compactMap { $0.headers["idempotency-key"] })
        #expect(keys.count == 1, "one key across all attempts: \(keys)")
        #expect(received.allSatisfy { $0.body.contains("client_reference_id=order_42") })
        #expect(sleeps.values == [.milliseconds(375), .milliseconds(750)], "equal jitter at 0.5 of 0.5 s and 1 s")
    }

    @Test func callerKeyIsKeptOnRetries() async throws {
        let received = try await withLocalServer([.init(status: 500), ok]) { url, server in
            _ = try await create(client(url, sleeps: Recorder()), options: RequestOptions(idempotencyKey: "order_42-v1"))
            return server.received
        }
        #expect(received.map { $0.headers["idempotency-key"] } == ["order_42-v1", "order_42-v1"])
    }

    @Test(arguments: [400, 401, 402, 404])
    func clientErrorsAreNotRetried(status: Int) async throws {
        let received = try await withLocalServer([.init(status: status, body: #"{"error":{"type":"invalid_request_error"}}"#), ok]) { url, server in
            await #expect(throws: StripeError.self) { _ = try await create(client(url, sleeps: Recorder())) }
            return server.received
        }
        #expect(received.count == 1)
    }

    @Test func shouldRetryTrueForcesARetry() async throws {
        let received = try await withLocalServer([.init(status: 400, headers: ["Stripe-Should-Retry": "true"]), ok]) { url, server in
            _ = try await create(client(url, sleeps: Recorder()))
            return server.received
        }
        #expect(received.count == 2)
    }

    @Test func shouldRetryFalseStopsEvenOnServerErrors() async throws {
        let (error, received) = try await withLocalServer([
            .init(status: 503, headers: ["Stripe-Should-Retry": "false", "Request-Id": "req_nope"],
                  body: #"{"error":{"type":"api_error","message":"try later"}}"#), ok,
        ]) { url, server in
            let error = await #expect(throws: StripeError.self) { _ = try await create(client(url, sleeps: Recorder())) }
            return (error, server.received)
        }
        #expect(received.count == 1)
        #expect(error?.httpStatus == 503 && error?.shouldRetry == false && error?.requestID == "req_nope")
    }

    @Test func retriesAreBoundedAndTheLastErrorSurfaces() async throws {
        let failing = LocalHTTPServer.Reply(status: 500, body: #"{"error":{"type":"api_error","message":"boom"}}"#)
        let (error, received) = try await withLocalServer([failing, failing, failing, failing, ok]) { url, server in
            let error = await #expect(throws: StripeError.self) { _ = try await create(client(url, sleeps: Recorder(), retries: 3)) }
            return (error, server.received)
        }
        #expect(received.count == 4)
        #expect(error?.type == .apiError && error?.message == "boom")
    }

    @Test func perRequestRetryCountOverridesTheClient() async throws {
        let received = try await withLocalServer([.init(status: 500), ok]) { url, server in
            await #expect(throws: StripeError.self) {
                _ = try await create(client(url, sleeps: Recorder()), options: RequestOptions(maxNetworkRetries: 0))
            }
            return server.received
        }
        #expect(received.count == 1)
    }

    @Test func retryAfterIsHonoured() async throws {
        let sleeps = Recorder<Duration>()
        _ = try await withLocalServer([.init(status: 503, headers: ["Retry-After": "5"]), ok]) { url, _ in
            try await create(client(url, sleeps: sleeps))
        }
        #expect(sleeps.values == [.seconds(5)])
    }

    @Test func aPlainRateLimitIsNotRetried() async throws {
        let (error, received) = try await withLocalServer([
            .init(status: 429, headers: ["Retry-After": "1"], body: #"{"error":{"type":"invalid_request_error","code":"rate_limit"}}"#), ok,
        ]) { url, server in
            let error = await #expect(throws: StripeError.self) { _ = try await create(client(url, sleeps: Recorder())) }
            return (error, server.received)
        }
        #expect(received.count == 1)
        #expect(error?.httpStatus == 429 && error?.code == "rate_limit")
    }

    @Test func aRateLimitThatSaysRetryAndALockTimeoutAreRetried() async throws {
        let received = try await withLocalServer([
            .init(status: 429, headers: ["Stripe-Should-Retry": "true"], body: #"{"error":{"type":"invalid_request_error","code":"rate_limit"}}"#),
            .init(status: 429, body: #"{"error":{"type":"invalid_request_error","code":"lock_timeout"}}"#),
            ok,
        ]) { url, server in
            _ = try await create(client(url, sleeps: Recorder()))
            return server.received
        }
        #expect(received.count == 3)
    }

    /// Once a trap: the number became a `Duration` before the 60 s cap applied.
    @Test func aHugeRetryAfterWaitsTheCap() async throws {
        let sleeps = Recorder<Duration>()
        _ = try await withLocalServer([.init(status: 503, headers: ["Retry-After": "1e30"]), ok]) { url, _ in
            try await create(client(url, sleeps: sleeps))
        }
        #expect(sleeps.values == [.seconds(60)])
    }

    @Test func timeoutsAreRetriedThenReported() async throws {
        let slow = LocalHTTPServer.Reply(status: 200, body: #"{"id":"late"}"#, delay: .seconds(4))
        let received = try await withLocalServer([slow, ok]) { url, server in
            let session = try await create(client(url, sleeps: Recorder()), options: RequestOptions(timeout: .seconds(1)))
            #expect(session.id == "cs_ok")
            return server.received
        }
        #expect(received.count == 2)
        #expect(Set(received.compactMap { $0.headers["idempotency-key"] }).count == 1)
    }

    @Test func connectionRefusedIsRetriedThenReportedAsConnectionError() async throws {
        let sleeps = Recorder<Duration>()
        let port = try await withLocalServer([]) { url, _ in url.port ?? 0 }
        let closed = try #require(URL(string: "http://127.0.0.1:\(port)"))
        let error = await #expect(throws: StripeError.self) { _ = try await create(client(closed, sleeps: sleeps)) }
        #expect(error?.kind == .connection)
        #expect(sleeps.values.count == 2)
    }

    @Test func getQueryAndHeadersArriveOverTheWire() async throws {
        let received = try await withLocalServer([.init(status: 200, body: #"{"object":"list","data":[],"has_more":false}"#)]) { url, server in
            let _: ListPage<SampleSession> = try await client(url, sleeps: Recorder()).perform(
                .get, "/v1/checkout/sessions", params: SampleListParams(limit: 100), options: RequestOptions(stripeAccount: "acct_1")
            )
            return server.received
        }
        let request = try #require(received.first)
        #expect(request.method == "GET" && request.path == "/v1/checkout/sessions" && request.query == ["limit": "100"])
        #expect(request.headers["authorization"] == "Bearer sk_test_local0000000000000001")
        #expect(request.headers["stripe-version"] == "2023-08-16")
        #expect(request.headers["stripe-account"] == "acct_1")
        #expect(request.headers["user-agent"] == "StripeCheckout/0.1")
    }
}
