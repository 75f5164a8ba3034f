import Foundation
import Testing
@testable import StripeRuntime

@Suite struct ClientRequestTests {
    private let key = "sk_test_51AbCdEfGhIjKlMnOpQr4242"

    @Test func postSendsFormBodyAndHeaders() async throws {
        let transport = RecordingTransport([.success(.json(200, #"{"id":"cs_1","object":"checkout.session"}"#))])
        let client = StripeClient(apiKey: key, configuration: .testing(), transport: transport)
        let session: SampleSession = try await client.perform(
            .post, "/v1/checkout/sessions",
            params: SampleSessionParams(clientReferenceID: "order_42", metadata: ["order_id": "42"]),
            options: RequestOptions(idempotencyKey: "order_42-v1", stripeAccount: "acct_123")
        )
        #expect(session.id == "cs_1")
        let request = try #require(transport.requests.first)
        #expect(request.method == .post)
        #expect(request.url.absoluteString == "https://api.stripe.test/v1/checkout/sessions")
        #expect(request.headers["authorization"] == "Bearer \(key)")
        #expect(request.headers["Stripe-Version"] == "2023-08-16")
        #expect(request.headers["User-Agent"] == "StripeCheckout/0.1")
        #expect(request.headers["Stripe-Account"] == "acct_123")
        #expect(request.headers["Idempotency-Key"] == "order_42-v1")
        #expect(request.headers["Content-Type"] == "application/x-www-form-urlencoded")
        let body = String(decoding: request.body ?? Data(), as: UTF8.self)
        #expect(FormBody.parse(body).map(\.description) == [
            "mode=payment", "success_url=https://shop.example/ok", "client_reference_id=order_42", "metadata[order_id]=42",
        ])
    }

    @Test func getPutsParamsInTheQuery() async throws {
        let transport = RecordingTransport([.success(.json(200, #"{"object":"list","data":[],"has_more":false}"#))])
        let client = StripeClient(apiKey: key, configuration: .testing(), transport: transport)
        let page: ListPage<SampleSession> = try await client.perform(
            .get, "/v1/checkout/sessions", params: SampleListParams(limit: 3, startingAfter: "cs_9"), options: RequestOptions()
        )
        #expect(page.data.isEmpty && !page.hasMore)
        let request = try #require(transport.requests.first)
        #expect(request.url.absoluteString == "https://api.stripe.test/v1/checkout/sessions?limit=3&starting_after=cs_9")
        #expect(request.body == nil)
        #expect(request.headers["Idempotency-Key"] == nil)
        #expect(request.headers["Content-Type"] == nil)
    }

    @Test func postWithoutKeyGetsAVersion4UUID() async throws {
        let transport = RecordingTransport()
        let client = StripeClient(apiKey: key, configuration: .testing(), transport: transport)
        let _: JSONValue = try await client.perform(.post, "/v1/checkout/sessions/cs_1/expire", params: NoParams(), options: .init())
        let _: JSONValue = try await client.perform(.post, "/v1/checkout/sessions/cs_1/expire", params: NoParams(), options: .init())
        let keys = transport.requests.compactMap { $0.headers["Idempotency-Key"] }
        #expect(keys.count == 2)
        #expect(keys[0] != keys[1])
        for key in keys {
            let uuid = try #require(UUID(uuidString: key))
            #expect(uuid.uuid.6 >> 4 == 4, "version nibble")
        }
    }

    @Test func requestOptionsOverrideKeyAndTimeout() async throws {
        let transport = RecordingTransport()
        let client = StripeClient(apiKey: key, configuration: .testing(), transport: transport)
        let _: JSONValue = try await client.perform(
            .delete, "/v1/customers/cus_1", params: NoParams(),
            options: RequestOptions(apiKey: "rk_live_other_key_000000009999", timeout: .seconds(3))
        )
        let request = try #require(transport.requests.first)
        #expect(request.method == .delete)
        #expect(request.headers["Authorization"] == "Bearer rk_live_other_key_000000009999")
        #expect(request.timeout == .seconds(3))
    }

    @Test func pathSegmentEscapesEverythingButUnreserved() {
        #expect(StripeClient.pathSegment("cs_test_a1B2") == "cs_test_a1B2")
        #expect(StripeClient.pathSegment("../v1/charges?x=1") == "..%2Fv1%2Fcharges%3Fx%3D1")
        #expect(StripeClient.pathSegment("a b#c") == "a%20b%23c")
    }

    @Test func apiVersionInitializerPinsTheVersion() {
        let client = StripeClient(apiKey: key, apiVersion: "2023-08-16")
        #expect(client.configuration.apiVersion == "2023-08-16")
        #expect(StripeClient(apiKey: key).configuration.apiVersion == nil)
        #expect(StripeClient(apiKey: key).configuration.baseURL.absoluteString == "https://api.stripe.com")
    }
}
