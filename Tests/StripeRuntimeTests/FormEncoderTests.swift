import Foundation
import Testing
@testable import StripeRuntime

@Suite struct FormEncoderTests {
    private func pairs<T: Encodable>(_ value: T) throws -> [String] {
        try FormEncoder().encode(value).map(\.description)
    }

    @Test func nestedObjectsUseBrackets() throws {
        let params = SampleSessionParams(lineItems: [
            .init(priceData: .init(currency: "usd", productData: .init(name: "T-shirt"), unitAmount: 2000), quantity: 2),
        ])
        #expect(try pairs(params) == [
            "mode=payment",
            "success_url=https://shop.example/ok",
            "line_items[0][price_data][currency]=usd",
            "line_items[0][price_data][product_data][name]=T-shirt",
            "line_items[0][price_data][unit_amount]=2000",
            "line_items[0][quantity]=2",
        ])
    }

    @Test func arraysOfObjectsAreIndexed() throws {
        let params = SampleSessionParams(lineItems: [
            .init(price: "price_a", quantity: 1),
            .init(price: "price_b"),
            .init(price: "price_c", quantity: 3),
        ])
        #expect(try pairs(params).filter { $0.hasPrefix("line_items") } == [
            "line_items[0][price]=price_a", "line_items[0][quantity]=1",
            "line_items[1][price]=price_b",
            "line_items[2][price]=price_c", "line_items[2][quantity]=3",
        ])
    }

    @Test func scalarArraysRepeatWithEmptyBrackets() throws {
        let params = SampleSessionParams(expand: ["line_items", "customer"])
        #expect(try pairs(params).suffix(2) == ["expand[]=line_items", "expand[]=customer"])
    }

    @Test func emptyArrayClearsTheField() throws {
        let params = SampleSessionParams(paymentMethodTypes: [])
        #expect(try pairs(params).last == "payment_method_types=")
    }

    @Test func dictionaryKeysAreSorted() throws {
        let params = SampleSessionParams(metadata: ["zeta": "1", "alpha": "2", "order_id": "42", "Beta": "3"])
        #expect(try pairs(params).filter { $0.hasPrefix("metadata") } == [
            "metadata[Beta]=3", "metadata[alpha]=2", "metadata[order_id]=42", "metadata[zeta]=1",
        ])
    }

    @Test func unsettableSendsValueOrEmptyString() throws {
        #expect(try pairs(SampleSessionParams(customerEmail: .set("a@b.example"))).last == "customer_email=a@b.example")
        #expect(try pairs(SampleSessionParams(customerEmail: .unset)).last == "customer_email=")
        #expect(try !pairs(SampleSessionParams(customerEmail: nil)).contains { $0.hasPrefix("customer_email") })
    }

    @Test func boolsDatesAndDecimals() throws {
        let params = SampleSessionParams(
            lineItems: [.init(priceData: .init(currency: "eur", unitAmountDecimal: Decimal(string: "12.5000000001")))],
            expiresAt: Date(timeIntervalSince1970: 1_700_000_123.9),
            allowPromotionCodes: false
        )
        let encoded = try pairs(params)
        #expect(encoded.contains("line_items[0][price_data][unit_amount_decimal]=12.5000000001"))
        #expect(encoded.contains("expires_at=1700000123"))
        #expect(encoded.contains("allow_promotion_codes=false"))
        #expect(try pairs(["flag": true]) == ["flag=true"])
    }

    @Test func largeDecimalHasNoExponent() throws {
        let value = try #require(Decimal(string: "1e20"))
        #expect(try pairs(["amount": value]) == ["amount=100000000000000000000"])
        #expect(try pairs(["ratio": 0.00001]) == ["ratio=0.00001"])
    }

    @Test func unsettableDateStillEncodesAsUnixSeconds() throws {
        struct Params: Encodable { var due: Unsettable<Date> }
        #expect(try pairs(Params(due: .set(Date(timeIntervalSince1970: 42)))) == ["due=42"])
        #expect(try pairs(Params(due: .unset)) == ["due="])
    }

    @Test func nilFieldsAreOmitted() throws {
        #expect(try pairs(SampleSessionParams()) == ["mode=payment", "success_url=https://shop.example/ok"])
        #expect(try FormEncoder().encodeBody(NoParams()) == "")
    }

    @Test func bodyIsPercentEncodedPerRFC3986() throws {
        let params = SampleSessionParams(
            successURL: "https://shop.example/ok?session_id={CHECKOUT_SESSION_ID}",
            clientReferenceID: "order 42/é~",
            metadata: ["a b": "x&y=z+1"]
        )
        let body = try FormEncoder().encodeBody(params)
        #expect(body == "mode=payment"
            + "&success_url=https%3A%2F%2Fshop.example%2Fok%3Fsession_id%3D%7BCHECKOUT_SESSION_ID%7D"
            + "&client_reference_id=order%2042%2F%C3%A9~"
            + "&metadata%5Ba%20b%5D=x%26y%3Dz%2B1")
        let parsed = FormBody.parse(body)
        #expect(parsed.first { $0.name == "success_url" }?.value == "https://shop.example/ok?session_id={CHECKOUT_SESSION_ID}")
        #expect(parsed.first { $0.name == "metadata[a b]" }?.value == "x&y=z+1")
    }

    @Test func fieldsKeepDeclaredOrder() throws {
        struct Params: Encodable {
            var zulu = "1", alpha = "2", mike = "3"
        }
        #expect(try pairs(Params()) == ["zulu=1", "alpha=2", "mike=3"])
    }

    @Test func topLevelScalarIsRejected() {
        #expect(throws: EncodingError.self) { try FormEncoder().encode("just a string") }
        #expect(throws: EncodingError.self) { try FormEncoder().encode(["a", "b"]) }
    }

    @Test func parserDecodesPlusAndKeepsBrokenEscapes() {
        #expect(FormBody.parse("a=1+2&b=%zz&c&&d=%41") == [
            FormField(name: "a", value: "1 2"), FormField(name: "b", value: "%zz"),
            FormField(name: "c", value: ""), FormField(name: "d", value: "A"),
        ])
    }
}
