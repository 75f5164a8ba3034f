import Foundation
import StripeCheckout
import StripeRuntime
import Testing

/// Decoding and encoding the generated `CheckoutSession` model.
@Suite struct SessionDecodingTests {
    func decode(_ json: String, _ policy: RequiredFieldPolicy = .tolerant) throws -> CheckoutSession {
        try JSONDecoder(requiredFields: policy).decode(CheckoutSession.self, from: Data(json.utf8))
    }

    @Test func decodesTopLevelFields() throws {
        let session = try decode(Fixtures.session())
        #expect(session.id == "cs_test_1")
        #expect(session.object == "checkout.session")
        #expect(session.clientReferenceID == "order_42")
        #expect(session.created == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(session.expiresAt == Date(timeIntervalSince1970: 1_700_086_400))
        #expect(session.mode == .payment)
        #expect(session.status == .open)
        #expect(session.paymentStatus == .unpaid)
        #expect(session.customerCreation == .ifRequired)
        #expect(session.paymentMethodCollection == .always)
        #expect(session.amountTotal == 3300)
        #expect(session.metadata == ["order_id": "42", "channel": "web"])
        #expect(session.paymentMethodTypes == ["card"])
        #expect(session.successURL == "https://shop.example/ok?session_id={CHECKOUT_SESSION_ID}")
        #expect(session.cancelURL == "https://shop.example/cart")
        #expect(session.customerEmail == "ada@shop.example")
        #expect(session.automaticTax?.enabled == false)
        #expect(session.missingRequiredFields == [])
        #expect(session.totalDetails?.amountShipping == 0)
        #expect(session.livemode == false)
    }

    @Test func nullsDecodeAsNil() throws {
        let session = try decode(Fixtures.session())
        #expect(session.customer == nil)
        #expect(session.paymentIntent == nil)
        #expect(session.locale == nil)
        #expect(session.submitType == nil)
        #expect(session.afterExpiration == nil)
        #expect(session.customerDetails == nil)
        #expect(try #require(session.automaticTax).status == nil)
        #expect(try #require(session.customText).submit == nil)
    }

    @Test func expandedLineItemsCarryPricesAndExpandableProducts() throws {
        let session = try decode(Fixtures.session())
        let items = try #require(session.lineItems)
        #expect(items.hasMore == false)
        #expect(items.url == "/v1/checkout/sessions/cs_test_1/line_items")
        let data = try #require(items.data)
        #expect(data.map(\.id) == ["li_1", "li_2"])
        #expect(data.map(\.quantity) == [2, 1])
        #expect(data[0].description == "Blue mug")

        let mug = try #require(data[0].price)
        #expect(mug.unitAmountDecimal == Decimal(string: "1250.5"))
        #expect(mug.unitAmount == 1250)
        #expect(mug.type == .oneTime)
        #expect(mug.billingScheme == .perUnit)
        #expect(mug.taxBehavior == .exclusive)
        #expect(mug.created == Date(timeIntervalSince1970: 1_699_990_000))
        #expect(mug.metadata == ["sku": "MUG-BLU"])
        // Expanded: the object form, with the id available either way.
        #expect(mug.product?.id == "prod_mug")
        guard case .object(.product(let product)) = mug.product else {
            Issue.record("expected an expanded product, got \(mug.product)")
            return
        }
        #expect(product.name == "Blue mug")
        #expect(product.updated == Date(timeIntervalSince1970: 1_699_985_000))
        #expect(product.defaultPrice?.id == "price_mug_blue")
        #expect(product.defaultPrice?.object == nil)

        let poster = try #require(data[1].price)
        #expect(poster.product == .id("prod_poster"))
        #expect(try #require(poster.product).object == nil)
        #expect(poster.unitAmountDecimal == Decimal(800))
    }

    @Test func deletedProductDecodesAsTheDeletedMember() throws {
        let json = Fixtures.priceWithProductID.replacingOccurrences(
            of: "\"product\": \"prod_poster\"",
            with: "\"product\": {\"id\": \"prod_gone\", \"object\": \"product\", \"deleted\": true}")
        let price = try JSONDecoder().decode(Price.self, from: Data(json.utf8))
        guard case .object(.deletedProduct(let deleted)) = price.product else {
            Issue.record("expected a deleted product, got \(price.product)")
            return
        }
        #expect(deleted.id == "prod_gone")
        #expect(deleted.deleted == true)
    }

    @Test func roundTripsThroughPlainJSONEncoder() throws {
        let session = try decode(Fixtures.session())
        let encoded = try JSONEncoder().encode(session)
        let again = try JSONDecoder().decode(CheckoutSession.self, from: encoded)
        #expect(again == session)
        // Dates go out as unix seconds and decimals as strings, the wire shapes.
        let object = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        #expect(object["created"] as? Int == 1_700_000_000)
        #expect(object["client_reference_id"] as? String == "order_42")
        let lineItems = try #require(object["line_items"] as? [String: Any])
        let first = try #require((lineItems["data"] as? [[String: Any]])?.first)
        let price = try #require(first["price"] as? [String: Any])
        #expect(price["unit_amount_decimal"] as? String == "1250.5")
        #expect((price["product"] as? [String: Any])?["id"] as? String == "prod_mug")
        let second = try #require((lineItems["data"] as? [[String: Any]])?.last?["price"] as? [String: Any])
        #expect(second["product"] as? String == "prod_poster")
    }

    @Test func unknownEnumValueIsKeptAndReEncoded() throws {
        let session = try decode(Fixtures.session(status: "paused_for_review"))
        #expect(session.status == .unrecognized("paused_for_review"))
        #expect(session.status?.rawValue == "paused_for_review")
        let encoded = try JSONEncoder().encode(session)
        let object = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        #expect(object["status"] as? String == "paused_for_review")
        #expect(try JSONDecoder().decode(CheckoutSession.self, from: encoded).status == .unrecognized("paused_for_review"))
        #expect(CheckoutSession.Status(rawValue: "open") == .open)
        #expect(CheckoutSession.Status.allCases.map(\.rawValue) == ["complete", "expired", "open"])
    }

    @Test func unknownFieldsAreIgnored() throws {
        let session = try decode(Fixtures.session(extra: """
            ,
              "brand_new_field": {"nested": [1, 2, 3]},
              "another_flag": true
            """))
        #expect(session == (try decode(Fixtures.session())))
    }

    @Test func strictDecodingOfAMissingRequiredFieldNamesTheKey() throws {
        let json = Fixtures.session().replacingOccurrences(of: "\"payment_status\": \"unpaid\",", with: "")
        #expect(!json.contains("payment_status"))
        do {
            _ = try decode(json, .strict)
            Issue.record("decoding succeeded without payment_status")
        } catch DecodingError.keyNotFound(let key, _) {
            #expect(key.stringValue == "payment_status")
        } catch {
            Issue.record("expected keyNotFound, got \(error)")
        }
    }

    @Test func strictDecodingOfAMissingRequiredDateNamesTheKey() throws {
        let json = Fixtures.session().replacingOccurrences(of: "\"expires_at\": \(Fixtures.expiresAt),", with: "")
        do {
            _ = try decode(json, .strict)
            Issue.record("decoding succeeded without expires_at")
        } catch DecodingError.keyNotFound(let key, _) {
            #expect(key.stringValue == "expires_at")
        } catch {
            Issue.record("expected keyNotFound, got \(error)")
        }
    }

    @Test func tolerantDecodingLeavesAbsentRequiredFieldsNilAndNamesThem() throws {
        let json = Fixtures.session()
            .replacingOccurrences(of: "\"payment_status\": \"unpaid\",", with: "")
            .replacingOccurrences(of: "\"expires_at\": \(Fixtures.expiresAt),", with: "")
            .replacingOccurrences(of: "\"custom_fields\": [],", with: "")
        let session = try decode(json)
        #expect(session.paymentStatus == nil)
        #expect(session.expiresAt == nil)
        #expect(session.customFields == nil)
        #expect(session.missingRequiredFields == ["custom_fields", "expires_at", "payment_status"])
        // An empty list that is present is not absent.
        #expect(session.shippingOptions == [])
        #expect(session.id == "cs_test_1")
    }

    @Test func aRequiredFieldSentAsNullIsAbsentWhenTolerant() throws {
        let json = Fixtures.session().replacingOccurrences(of: "\"mode\": \"payment\",", with: "\"mode\": null,")
        #expect(json.contains("\"mode\": null"))
        let session = try decode(json)
        #expect(session.mode == nil)
        #expect(session.missingRequiredFields == ["mode"])
        #expect(throws: DecodingError.self) { try decode(json, .strict) }
    }

    @Test(arguments: ["id", "object", "created", "livemode"])
    func fieldsStripeAlwaysSendsStayRequiredWhenTolerant(field: String) throws {
        let lines = Fixtures.session().split(separator: "\n", omittingEmptySubsequences: false)
        let json = lines.filter { !$0.hasPrefix("  \"\(field)\": ") }.joined(separator: "\n")
        #expect(json.count < Fixtures.session().count)
        do {
            _ = try decode(json)
            Issue.record("decoding succeeded without \(field)")
        } catch DecodingError.keyNotFound(let key, _) {
            #expect(key.stringValue == field)
        } catch {
            Issue.record("expected keyNotFound, got \(error)")
        }
    }

    @Test func anAbsentRequiredFieldStaysAbsentWhenEncodedAgain() throws {
        let json = Fixtures.session().replacingOccurrences(of: "\"payment_status\": \"unpaid\",", with: "")
        let session = try decode(json)
        let encoded = try JSONEncoder().encode(session)
        #expect(!String(decoding: encoded, as: UTF8.self).contains("payment_status"))
        let again = try decode(String(decoding: encoded, as: UTF8.self))
        #expect(again == session)
        #expect(again.missingRequiredFields == ["payment_status"])
    }

    @Test func wrongTypeIsATypeMismatchAtTheKey() throws {
        let json = Fixtures.session().replacingOccurrences(of: "\"livemode\": false,\n  \"locale\"", with: "\"livemode\": \"no\",\n  \"locale\"")
        #expect(json.contains("\"livemode\": \"no\""))
        do {
            _ = try decode(json)
            Issue.record("decoding succeeded with a string livemode")
        } catch DecodingError.typeMismatch(_, let context) {
            #expect(context.codingPath.last?.stringValue == "livemode")
        } catch {
            Issue.record("expected typeMismatch, got \(error)")
        }
    }
}
