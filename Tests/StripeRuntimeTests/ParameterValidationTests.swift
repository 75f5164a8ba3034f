import Foundation
import Testing
@testable import StripeRuntime

@Suite struct ParameterValidationTests {
    @Test func pathRendersStripeBracketSyntax() {
        let path = ParameterPath.root.appending("line_items").appending(index: 0).appending("price_data").appending("currency")
        #expect(path.description == "line_items[0][price_data][currency]")
        #expect(ParameterPath.root.description == "")
    }

    @Test func tooLongNestedNameNamesTheFullPath() throws {
        let longName = String(repeating: "x", count: 41)
        let params = SampleSessionParams(lineItems: [
            .init(priceData: .init(currency: "usd", productData: .init(name: longName))),
        ])
        #expect {
            try params.validate()
        } throws: { error in
            guard let error = error as? StripeError else { return false }
            return error.kind == .invalidParameter
                && error.param == "line_items[0][price_data][product_data][name]"
                && error.message.contains("line_items[0][price_data][product_data][name]")
                && error.message.contains("40")
                && error.message.contains("41")
        }
    }

    @Test func secondLineItemIsNamedByItsIndex() {
        let params = SampleSessionParams(lineItems: [
            .init(priceData: .init(currency: "usd", productData: .init(name: "ok"))),
            .init(priceData: .init(currency: "usd", productData: .init(name: String(repeating: "y", count: 50)))),
        ])
        #expect {
            try params.validate()
        } throws: { error in
            (error as? StripeError)?.parameterPath?.description == "line_items[1][price_data][product_data][name]"
        }
    }

    @Test func lengthsCountCharactersAndBoundaryPasses() throws {
        try SampleSessionParams(clientReferenceID: String(repeating: "é", count: 200)).validate()
        #expect(throws: StripeError.self) {
            try SampleSessionParams(clientReferenceID: String(repeating: "a", count: 201)).validate()
        }
    }

    @Test func unsettableAndListsAreChecked() throws {
        try SampleSessionParams(customerEmail: .unset).validate()
        #expect(throws: StripeError.self) {
            try SampleSessionParams(customerEmail: .set(String(repeating: "m", count: 101))).validate()
        }
        #expect {
            try SampleSessionParams(expand: ["ok", String(repeating: "e", count: 31)]).validate()
        } throws: { error in
            (error as? StripeError)?.param == "expand[1]"
        }
    }

    @Test func unsettableListsAndObjectsAreCheckedWhenSet() throws {
        let path = ParameterPath.root.appending("custom_fields")
        try ParameterCheck.maxLength(Unsettable<[String]>.unset, 3, at: path)
        #expect {
            try ParameterCheck.maxLength(Unsettable.set(["ok", "toolong"]), 3, at: path)
        } throws: { ($0 as? StripeError)?.param == "custom_fields[1]" }
        let item = SampleSessionParams.LineItem.PriceData.ProductData(name: String(repeating: "n", count: 41))
        try ParameterCheck.nested(Unsettable<SampleSessionParams.LineItem.PriceData.ProductData>.unset, at: path)
        #expect {
            try ParameterCheck.nested(Unsettable.set(item), at: path)
        } throws: { ($0 as? StripeError)?.param == "custom_fields[name]" }
        #expect {
            try ParameterCheck.each(Unsettable.set([item]), at: path)
        } throws: { ($0 as? StripeError)?.param == "custom_fields[0][name]" }
    }

    @Test func invalidParamsSendNoRequest() async throws {
        let transport = RecordingTransport()
        let client = StripeClient(apiKey: "sk_test_123456789012345678", configuration: .testing(), transport: transport)
        await #expect(throws: StripeError.self) {
            let _: SampleSession = try await client.perform(
                .post, "/v1/checkout/sessions",
                params: SampleSessionParams(clientReferenceID: String(repeating: "a", count: 255)),
                options: RequestOptions()
            )
        }
        #expect(transport.requests.isEmpty)
    }
}
