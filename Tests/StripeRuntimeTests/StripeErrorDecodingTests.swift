import Foundation
import Testing
@testable import StripeRuntime

@Suite struct StripeErrorDecodingTests {
    private func failure(status: Int, body: String, headers: HTTPHeaders = [:]) async -> StripeError? {
        let transport = RecordingTransport([.success(.json(status, body, headers: headers))])
        let client = StripeClient(apiKey: "sk_test_000000000000000000000000", configuration: .testing(maxNetworkRetries: 0), transport: transport)
        do {
            let _: SampleSession = try await client.perform(.get, "/v1/checkout/sessions/cs_1", params: NoParams(), options: .init())
            return nil
        } catch {
            return error as? StripeError
        }
    }

    @Test(arguments: [
        ("card_error", StripeErrorType.cardError, 402),
        ("invalid_request_error", .invalidRequestError, 400),
        ("idempotency_error", .idempotencyError, 400),
        ("api_error", .apiError, 500),
        ("authentication_error", .authenticationError, 401),
        ("permission_error", .permissionError, 403),
        ("rate_limit_error", .rateLimitError, 429),
        ("brand_new_error", .unrecognized("brand_new_error"), 400),
    ])
    func eachErrorTypeDecodes(wire: String, type: StripeErrorType, status: Int) async throws {
        let body = #"{"error":{"type":"\#(wire)","code":"some_code","param":"line_items[0][price]","message":"Something is off.","decline_code":"insufficient_funds","doc_url":"https://stripe.com/docs/error-codes/some-code"}}"#
        let error = try #require(await failure(status: status, body: body, headers: ["Request-Id": "req_abc123", "Stripe-Should-Retry": "false"]))
        #expect(error.kind == .api)
        #expect(error.type == type)
        #expect(error.httpStatus == status)
        #expect(error.code == "some_code")
        #expect(error.param == "line_items[0][price]")
        #expect(error.message == "Something is off.")
        #expect(error.declineCode == "insufficient_funds")
        #expect(error.docURL == "https://stripe.com/docs/error-codes/some-code")
        #expect(error.requestID == "req_abc123")
        #expect(error.shouldRetry == false)
        #expect(error.description.contains("req_abc123") && error.description.contains(wire))
    }

    @Test func nonJSONErrorBodyKeepsStatusAndExcerpt() async throws {
        let html = "<html><body>Bad gateway</body></html>" + String(repeating: "x", count: 500)
        let error = try #require(await failure(status: 502, body: html, headers: ["Request-Id": "req_gw"]))
        #expect(error.kind == .api)
        #expect(error.httpStatus == 502)
        #expect(error.type == nil)
        #expect(error.requestID == "req_gw")
        let excerpt = try #require(error.bodyExcerpt)
        #expect(excerpt.hasPrefix("<html><body>Bad gateway"))
        #expect(excerpt.count == 200)
    }

    @Test func emptyErrorBodyStillBecomesAnAPIError() async throws {
        let error = try #require(await failure(status: 404, body: ""))
        #expect(error.kind == .api && error.httpStatus == 404 && error.bodyExcerpt == "")
    }

    @Test func undecodableSuccessBodyReportsPathAndExcerpt() async throws {
        struct Listing: Decodable, Sendable {
            struct Item: Decodable { struct Customer: Decodable { let id: String }; let customer: Customer }
            let data: [Item]
        }
        let transport = RecordingTransport([.success(.json(200, #"{"data":[{"customer":{"id":"cus_1"}},{"customer":{"id":7}}]}"#, headers: ["Request-Id": "req_dec"]))])
        let client = StripeClient(apiKey: "sk_test_000000000000000000000000", configuration: .testing(), transport: transport)
        do {
            let _: Listing = try await client.perform(.get, "/v1/things", params: NoParams(), options: .init())
            Issue.record("decoding should fail")
        } catch let error as StripeError {
            #expect(error.kind == .decoding)
            #expect(error.codingPath == "data[1].customer.id")
            #expect(error.requestID == "req_dec")
            #expect(error.bodyExcerpt?.hasPrefix(#"{"data":[{"customer""#) == true)
            #expect(transport.requests.count == 1, "decoding failures are not retried")
        }
    }

    @Test func missingKeyPathIncludesTheKey() async throws {
        struct Needs: Decodable, Sendable { struct Inner: Decodable { let name: String }; let inner: Inner }
        let transport = RecordingTransport([.success(.json(200, #"{"inner":{}}"#))])
        let client = StripeClient(apiKey: "sk_test_000000000000000000000000", configuration: .testing(), transport: transport)
        await #expect {
            let _: Needs = try await client.perform(.get, "/v1/x", params: NoParams(), options: .init())
        } throws: { error in
            (error as? StripeError)?.codingPath == "inner.name"
        }
    }
}
