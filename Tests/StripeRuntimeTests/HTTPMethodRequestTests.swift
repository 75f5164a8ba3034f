import Foundation
import Testing
@testable import StripeRuntime

/// How each HTTP method carries its params: a form body with an idempotency key for POST, PUT and PATCH; the query
/// string for GET, DELETE and HEAD, whose answer (for HEAD) has no body to decode.
@Suite struct HTTPMethodRequestTests {
    private let key = "sk_test_51AbCdEfGhIjKlMnOpQr4242"

    @Test(arguments: [HTTPMethod.put, .patch])
    func writeMethodsSendAFormBody(_ method: HTTPMethod) async throws {
        let transport = RecordingTransport()
        let client = StripeClient(apiKey: key, configuration: .testing(), transport: transport)
        let _: JSONValue = try await client.perform(
            method, "/v1/checkout/sessions/cs_1",
            params: SampleSessionParams(clientReferenceID: "order_42", metadata: ["order_id": "42"]))
        let request = try #require(transport.requests.first)
        #expect(request.method == method)
        #expect(request.method.rawValue == (method == .put ? "PUT" : "PATCH"))
        #expect(request.url.absoluteString == "https://api.stripe.test/v1/checkout/sessions/cs_1")
        #expect(request.headers["Content-Type"] == "application/x-www-form-urlencoded")
        #expect(request.headers["Idempotency-Key"].flatMap(UUID.init(uuidString:)) != nil)
        let body = String(decoding: request.body ?? Data(), as: UTF8.self)
        #expect(FormBody.parse(body).map(\.description) == [
            "mode=payment", "success_url=https://shop.example/ok", "client_reference_id=order_42", "metadata[order_id]=42",
        ])
    }

    @Test func headSendsParamsInTheQueryAndReturnsTheHeaders() async throws {
        let transport = RecordingTransport([.success(HTTPResponse(status: 200, headers: ["Request-Id": "req_1"]))])
        let client = StripeClient(apiKey: key, configuration: .testing(), transport: transport)
        let response = try await client.send(.head, "/v1/checkout/sessions", params: SampleListParams(limit: 3))
        #expect(response.headers["Request-Id"] == "req_1")
        #expect(response.body.isEmpty)
        let request = try #require(transport.requests.first)
        #expect(request.method.rawValue == "HEAD")
        #expect(request.url.absoluteString == "https://api.stripe.test/v1/checkout/sessions?limit=3")
        #expect(request.body == nil)
        #expect(request.headers["Content-Type"] == nil)
        #expect(request.headers["Idempotency-Key"] == nil)
    }

    @Test func onlyWriteMethodsSendAFormBody() {
        let bodied = HTTPMethod.allCases.filter(\.sendsFormBody)
        #expect(bodied == [.post, .put, .patch])
    }
}
