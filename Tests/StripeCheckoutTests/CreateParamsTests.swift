import Foundation
import StripeCheckout
import StripeRuntime
import Testing

typealias CreateParams = CheckoutSessionsAPI.CreateParams

/// The generated create parameters: their form encoding and their checks before sending.
@Suite struct CreateParamsTests {
    static func orderParams(productName: String = "Blue mug", clientReferenceID: String = "order_42") -> CreateParams {
        CreateParams(
            clientReferenceID: clientReferenceID,
            expand: [.lineItems, .totalDetails],
            lineItems: [
                .init(priceData: .init(currency: "usd", productData: .init(name: productName), unitAmount: 1250), quantity: 2),
                .init(priceData: .init(currency: "usd", productData: .init(metadata: ["sku": "PST-1"], name: "Poster & frame"),
                                       unitAmountDecimal: Decimal(string: "800.5")),
                      quantity: 1),
            ],
            metadata: ["order_id": "42"],
            mode: .payment,
            successURL: "https://shop.example/ok?session_id={CHECKOUT_SESSION_ID}"
        )
    }

    static let expectedFields = [
        "client_reference_id=order_42",
        "expand[]=line_items",
        "expand[]=total_details",
        "line_items[0][price_data][currency]=usd",
        "line_items[0][price_data][product_data][name]=Blue mug",
        "line_items[0][price_data][unit_amount]=1250",
        "line_items[0][quantity]=2",
        "line_items[1][price_data][currency]=usd",
        "line_items[1][price_data][product_data][metadata][sku]=PST-1",
        "line_items[1][price_data][product_data][name]=Poster & frame",
        "line_items[1][price_data][unit_amount_decimal]=800.5",
        "line_items[1][quantity]=1",
        "metadata[order_id]=42",
        "mode=payment",
        "success_url=https://shop.example/ok?session_id={CHECKOUT_SESSION_ID}",
    ]

    @Test func formEncodingNamesEveryDeepField() throws {
        let fields = try FormEncoder().encode(Self.orderParams())
        #expect(fields.map(\.description) == Self.expectedFields)
    }

    @Test func formBodyPercentEncodesAndParsesBack() throws {
        let body = try FormEncoder().encodeBody(Self.orderParams())
        #expect(body.hasPrefix("client_reference_id=order_42&expand%5B%5D=line_items&"))
        #expect(!body.contains(" "))
        #expect(FormBody.parse(body).map(\.description) == Self.expectedFields)
    }

    @Test func validParamsPassValidation() throws {
        try Self.orderParams().validate()
        try Self.orderParams(clientReferenceID: String(repeating: "r", count: 200)).validate()
        try Self.orderParams(productName: String(repeating: "n", count: 5000)).validate()
    }

    @Test func clientReferenceIDIsLimitedTo200Characters() throws {
        let error = try #require(throws: StripeError.self) {
            try Self.orderParams(clientReferenceID: String(repeating: "r", count: 201)).validate()
        }
        #expect(error.kind == .invalidParameter)
        #expect(error.parameterPath?.description == "client_reference_id")
        #expect(error.param == "client_reference_id")
        #expect(error.message.contains("200"))
    }

    @Test func overlongNestedProductNameNamesItsPath() throws {
        let error = try #require(throws: StripeError.self) {
            try Self.orderParams(productName: String(repeating: "n", count: 5001)).validate()
        }
        #expect(error.kind == .invalidParameter)
        #expect(error.parameterPath?.description == "line_items[0][price_data][product_data][name]")
        #expect(error.parameterPath?.components == [.key("line_items"), .index(0), .key("price_data"), .key("product_data"), .key("name")])
    }

    @Test func nothingIsSentWhenValidationFails() async throws {
        let transport = RecordingTransport([.json(Fixtures.session())])
        let stripe = StripeClient.testing(transport)
        let error = await #expect(throws: StripeError.self) {
            _ = try await stripe.checkout.sessions.create(Self.orderParams(clientReferenceID: String(repeating: "x", count: 201)))
        }
        #expect(error?.kind == .invalidParameter)
        #expect(error?.param == "client_reference_id")
        let nested = await #expect(throws: StripeError.self) {
            _ = try await stripe.checkout.sessions.create(Self.orderParams(productName: String(repeating: "n", count: 5001)))
        }
        #expect(nested?.param == "line_items[0][price_data][product_data][name]")
        #expect(transport.requests.isEmpty)
    }

    /// `custom_text[submit]` is `anyOf [object, ""]`; its `message` (maxLength 1000) must be checked like any other.
    @Test func unsettableNestedParamsAreValidatedBeforeSending() async throws {
        var params = Self.orderParams()
        params.customText = .init(submit: .set(.init(message: String(repeating: "m", count: 1001))))
        let transport = RecordingTransport([.json(Fixtures.session())])
        let stripe = StripeClient.testing(transport)
        let error = await #expect(throws: StripeError.self) {
            _ = try await stripe.checkout.sessions.create(params)
        }
        #expect(error?.param == "custom_text[submit][message]")
        // The nested type checks itself too.
        #expect(throws: StripeError.self) {
            try CreateParams.CustomText.Submit(message: String(repeating: "m", count: 1001)).validate()
        }
    }

    @Test func unsetEncodesAsEmptyString() throws {
        let params = CreateParams.CustomText(shippingAddress: .unset, submit: .set(.init(message: "Thanks!")))
        #expect(try FormEncoder().encode(params).map(\.description) == ["shipping_address=", "submit[message]=Thanks!"])
    }
}
