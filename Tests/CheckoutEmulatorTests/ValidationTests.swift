#if Emulator
import CheckoutEmulator
import Foundation
import StripeCheckout
import StripeRuntime
import Testing

/// Parameters written by hand, to send what the typed bindings would never send.
struct RawParams: StripeParams {
    var fields: [String: String]

    func validate(at path: ParameterPath) throws {}

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RawKey.self)
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            try container.encode(value, forKey: RawKey(stringValue: name))
        }
    }

    struct RawKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

@Suite("The emulator's validation errors arrive as typed StripeErrors")
struct ValidationTests {
    private func createError(_ fields: [String: String], in emulator: CheckoutEmulator) async -> StripeError? {
        let stripe = makeClient(emulator)
        return await #expect(throws: StripeError.self) {
            _ = try await stripe.send(.post, "/v1/checkout/sessions", params: RawParams(fields: fields))
        }
    }

    private let base = [
        "mode": "payment", "success_url": "https://shop.example/ok",
        "line_items[0][price_data][currency]": "usd",
        "line_items[0][price_data][product_data][name]": "T-shirt",
        "line_items[0][price_data][unit_amount]": "500",
        "line_items[0][quantity]": "1",
    ]

    @Test("wrong types, enums, lengths, unknown and missing parameters name the parameter")
    func schemaErrors() async throws {
        try await withEmulator { emulator in
            let cases: [(change: [String: String], remove: String?, param: String, code: String)] = [
                (["line_items[0][quantity]": "two"], nil, "line_items[0][quantity]", "parameter_invalid"),
                (["mode": "barter"], nil, "mode", "parameter_invalid"),
                (["client_reference_id": String(repeating: "r", count: 201)], nil, "client_reference_id", "parameter_invalid"),
                (["line_items[0][colour]": "red"], nil, "line_items[0][colour]", "parameter_unknown"),
                (["allow_promotion_codes": "maybe"], nil, "allow_promotion_codes", "parameter_invalid"),
                ([:], "success_url", "success_url", "parameter_missing"),
                ([:], "line_items[0][price_data][currency]", "line_items[0][price_data][currency]", "parameter_missing"),
                (["line_items[0][price_data][product_data][description]": "Soft cotton"],
                 "line_items[0][price_data][product_data][name]", "line_items[0][price_data][product_data][name]",
                 "parameter_missing"),
                ([:], "line_items[0][price_data][product_data][name]", "line_items[0][price_data][product_data]",
                 "parameter_missing"),
                ([:], "mode", "mode", "parameter_missing"),
                ([:], "line_items[0][quantity]", "line_items[0][quantity]", "parameter_missing"),
            ]
            for testCase in cases {
                var fields = base.merging(testCase.change) { $1 }
                if let remove = testCase.remove { fields[remove] = nil }
                let error = await createError(fields, in: emulator)
                #expect(error?.kind == .api)
                #expect(error?.httpStatus == 400)
                #expect(error?.type == .invalidRequestError)
                #expect(error?.param == testCase.param, "for \(testCase)")
                #expect(error?.code == testCase.code, "for \(testCase)")
            }
            #expect(await emulator.sessions().isEmpty)
        }
    }

    @Test("list parameters are checked too: limit range and unknown query names")
    func queryErrors() async throws {
        try await withEmulator { emulator in
            let stripe = makeClient(emulator)
            let tooMany = await #expect(throws: StripeError.self) { try await stripe.checkout.sessions.listPage(.init(limit: 101)) }
            #expect(tooMany?.param == "limit")
            let unknown = await #expect(throws: StripeError.self) {
                _ = try await stripe.send(.get, "/v1/checkout/sessions", params: RawParams(fields: ["client_reference_id": "order_1"]))
            }
            #expect(unknown?.httpStatus == 400)
            #expect(unknown?.param == "client_reference_id")
            #expect(unknown?.code == "parameter_unknown")
        }
    }

    @Test("a bad or missing API key is a 401 in Stripe's error shape")
    func authentication() async throws {
        try await withEmulator({ $0.apiKeys = [testAPIKey] }) { emulator in
            let stranger = makeClient(emulator, apiKey: "sk_test_someone_else_0000")
            let error = await #expect(throws: StripeError.self) { try await stranger.checkout.sessions.listPage() }
            #expect(error?.httpStatus == 401)
            #expect(error?.type == .invalidRequestError)
            #expect(error?.message.contains("Invalid API Key") == true)
            #expect(error?.message.contains("someone_else") == false, "the key is masked")

            let anonymous = try await rawRequest(emulator, .get, "/v1/checkout/sessions")
            #expect(anonymous.status == 401)
            #expect(String(decoding: anonymous.body, as: UTF8.self).contains("\"type\":\"invalid_request_error\""))
            #expect(try await makeClient(emulator).checkout.sessions.listPage().data.isEmpty)
        }
    }
}
#endif
