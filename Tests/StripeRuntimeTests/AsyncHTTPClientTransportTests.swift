#if AsyncHTTPClient
import Foundation
import StripeRuntimeAsyncHTTPClient
import Testing
@testable import StripeRuntime

/// The AsyncHTTPClient transport against the same loopback server as the URLSession tests.
@Suite(.serialized) struct AsyncHTTPClientTransportTests {
    private func client(_ url: URL, sleeps: Recorder<Duration> = Recorder()) -> StripeClient {
        StripeClient(
            apiKey: "sk_test_ahc00000000000000000001",
            configuration: .testing(baseURL: url, sleeps: sleeps),
            transport: AsyncHTTPClientTransport()
        )
    }

    @Test func postIsRetriedWithTheSameKeyAndDecoded() async throws {
        let replies: [LocalHTTPServer.Reply] = [
            .init(status: 503, headers: ["Request-Id": "req_1"]),
            .init(status: 200, body: #"{"id":"cs_ahc","object":"checkout.session"}"#),
        ]
        let received = try await withLocalServer(replies) { url, server in
            let session: SampleSession = try await client(url).perform(
                .post, "/v1/checkout/sessions", params: SampleSessionParams(metadata: ["order_id": "42"]), options: .init()
            )
            #expect(session.id == "cs_ahc")
            return server.received
        }
        #expect(received.count == 2)
        #expect(Set(received.compactMap { $0.headers["idempotency-key"] }).count == 1)
        #expect(received.allSatisfy { $0.headers["content-type"] == "application/x-www-form-urlencoded" })
        #expect(FormBody.parse(received[1].body).last == FormField(name: "metadata[order_id]", value: "42"))
    }

    @Test func errorBodiesAndHeadersComeThrough() async throws {
        let reply = LocalHTTPServer.Reply(
            status: 402, headers: ["Request-Id": "req_card"],
            body: #"{"error":{"type":"card_error","code":"card_declined","decline_code":"insufficient_funds","message":"Declined."}}"#
        )
        let error = try await withLocalServer([reply]) { url, _ in
            await #expect(throws: StripeError.self) {
                let _: SampleSession = try await client(url).perform(.get, "/v1/checkout/sessions/cs_1", params: NoParams(), options: .init())
            }
        }
        #expect(error?.type == .cardError && error?.declineCode == "insufficient_funds" && error?.requestID == "req_card")
    }

    @Test func subSecondTimeoutIsRetried() async throws {
        let replies: [LocalHTTPServer.Reply] = [
            .init(status: 200, body: #"{"id":"late"}"#, delay: .seconds(3)),
            .init(status: 200, body: #"{"id":"cs_fast"}"#),
        ]
        let received = try await withLocalServer(replies) { url, server in
            let session: SampleSession = try await client(url).perform(
                .post, "/v1/checkout/sessions", params: SampleSessionParams(), options: RequestOptions(timeout: .milliseconds(300))
            )
            #expect(session.id == "cs_fast")
            return server.received
        }
        #expect(received.count == 2)
    }

    @Test func refusedConnectionBecomesAConnectionError() async throws {
        let port = try await withLocalServer([]) { url, _ in url.port ?? 0 }
        let closed = try #require(URL(string: "http://127.0.0.1:\(port)"))
        let sleeps = Recorder<Duration>()
        let error = await #expect(throws: StripeError.self) {
            let _: SampleSession = try await client(closed, sleeps: sleeps).perform(.get, "/v1/x", params: NoParams(), options: .init())
        }
        #expect(error?.kind == .connection)
        #expect(sleeps.values.count == 2)
    }
}
#endif
