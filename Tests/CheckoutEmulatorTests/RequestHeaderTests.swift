#if Emulator
@testable import CheckoutEmulator
import Foundation
import StripeCheckout
import StripeRuntime
import Testing

@Suite("Idempotency-Key and Stripe-Version headers are checked as Stripe checks them")
struct RequestHeaderTests {
    private let createPath = "/v1/checkout/sessions"
    private let validBody = "mode=payment&success_url=https%3A%2F%2Fshop.example%2Fok"
        + "&line_items[0][price_data][currency]=usd&line_items[0][price_data][product_data][name]=Tee"
        + "&line_items[0][price_data][unit_amount]=500&line_items[0][quantity]=1"

    private func post(_ emulator: CheckoutEmulator, headers extra: HTTPHeaders) async throws -> HTTPResponse {
        var headers: HTTPHeaders = ["Authorization": "Bearer \(testAPIKey)", "Content-Type": "application/x-www-form-urlencoded"]
        for field in extra { headers[field.name] = field.value }
        return try await rawRequest(emulator, .post, createPath, body: validBody, headers: headers)
    }

    private func error(_ response: HTTPResponse) -> [String: String] {
        let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any]
        return (object?["error"] as? [String: String]) ?? [:]
    }

    @Test("a key of 256 characters is a 400 that creates and stores nothing; 255 is accepted")
    func idempotencyKeyLength() async throws {
        try await withEmulator { emulator in
            let tooLong = String(repeating: "k", count: 256)
            let refused = try await post(emulator, headers: ["Idempotency-Key": tooLong])
            #expect(refused.status == 400)
            #expect(error(refused) == ["type": "invalid_request_error",
                                       "message": "Keys for idempotent requests can only be 255 characters long."])
            #expect(refused.headers["Idempotent-Replayed"] == nil)
            #expect(await emulator.sessions().isEmpty, "nothing ran")
            let again = try await post(emulator, headers: ["Idempotency-Key": tooLong])
            #expect(again.status == 400, "nothing was stored to replay")
            #expect(again.headers["Idempotent-Replayed"] == nil)

            let longest = String(repeating: "k", count: 255)
            let accepted = try await post(emulator, headers: ["Idempotency-Key": longest])
            #expect(accepted.status == 200)
            let replayed = try await post(emulator, headers: ["Idempotency-Key": longest])
            #expect(replayed.headers["Idempotent-Replayed"] == "true")
            #expect(await emulator.sessions().count == 1)
        }
    }

    @Test("a too-long key is refused before anything else about the request is read")
    func idempotencyKeyLengthFirst() async throws {
        try await withEmulator { emulator in
            let tooLong = String(repeating: "k", count: 300)
            let response = try await post(emulator, headers: ["Idempotency-Key": tooLong, "Stripe-Version": "banana"])
            #expect(response.status == 400)
            #expect(error(response)["message"]?.contains("255 characters") == true)
            #expect(await emulator.sessions().isEmpty)
        }
    }

    @Test("a malformed Stripe-Version is a 400 naming the version, and nothing runs")
    func malformedVersion() async throws {
        try await withEmulator { emulator in
            for version in ["banana", "2023-13-45", "2023-02-29", "2023-8-16", "2023-08-16.", "2023-08-16.Acacia",
                            "2023-08-16;", "2023-08-16; checkout_beta", "2023-08-16;=v1", "v1"] {
                let response = try await post(emulator, headers: ["Stripe-Version": version])
                #expect(response.status == 400, "\(version)")
                #expect(error(response) == ["type": "invalid_request_error",
                                            "message": "Invalid Stripe API version: \(version)"], "\(version)")
                #expect(response.headers["Stripe-Version"] == "2023-08-16")
            }
            let list = try await rawRequest(emulator, .get, createPath,
                                            headers: ["Authorization": "Bearer \(testAPIKey)", "Stripe-Version": "banana"])
            #expect(list.status == 400, "GET requests are checked too")
            #expect(await emulator.sessions().isEmpty)
        }
    }

    @Test("another well-formed version is answered in the emulated one, and the answer says which was asked for")
    func otherVersion() async throws {
        try await withEmulator { emulator in
            for version in ["2024-04-10", "2024-09-30.acacia", "2023-08-16; checkout_beta=v1", "2020-08-27;search_api_beta=v1"] {
                let response = try await post(emulator, headers: ["Stripe-Version": version])
                #expect(response.status == 200, "\(version): \(response.text)")
                #expect(response.headers["Stripe-Version"] == "2023-08-16")
                #expect(response.headers["Emulator-Requested-Version"] == version.trimmingCharacters(in: .whitespaces))
            }
            let same = try await post(emulator, headers: ["Stripe-Version": "2023-08-16"])
            #expect(same.status == 200)
            #expect(same.headers["Stripe-Version"] == "2023-08-16")
            #expect(same.headers["Emulator-Requested-Version"] == nil)
            let none = try await post(emulator, headers: [:])
            #expect(none.status == 200)
            #expect(none.headers["Stripe-Version"] == "2023-08-16")
            #expect(none.headers["Emulator-Requested-Version"] == nil)
            #expect(await emulator.sessions().count == 6)
        }
    }

    @Test("the typed client, which sends the bindings' version, gets no note")
    func clientVersion() async throws {
        try await withEmulator { emulator in
            let response = try await makeClient(emulator).send(.post, createPath, params: paymentParams())
            #expect(response.headers["Stripe-Version"] == StripeBindings.apiVersion)
            #expect(response.headers["Emulator-Requested-Version"] == nil)
        }
    }

    @Test("the version grammar: a real date, an optional lower-case release name, optional beta flags")
    func versionGrammar() {
        let wellFormed = ["2023-08-16", "2024-02-29", "2024-09-30.acacia", "2025-03-31.basil; nz_bank_account_beta=v2",
                          "2023-08-16;checkout_beta=v1;other_beta=v3", "2023-08-16.x"]
        for version in wellFormed { #expect(RequestedAPIVersion.isWellFormed(version), "\(version)") }
        let malformed = ["banana", "2023-13-45", "2023-00-10", "2023-04-31", "1900-02-29", "２０２３-08-16", "2023-08-16.x.y",
                         "2023-08-16 extra", "2023-08-16; beta=v1 extra", "2023-08-16x", ""]
        for version in malformed { #expect(!RequestedAPIVersion.isWellFormed(version), "\(version)") }
    }
}
#endif
