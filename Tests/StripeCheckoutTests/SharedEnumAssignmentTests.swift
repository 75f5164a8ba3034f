import Foundation
import StripeCheckout
import StripeRuntime
import Testing

/// A model's field and the param that sets it share one enum when their values are the same, so a session's
/// values go into create params as they are, with no `rawValue` round trip.
@Suite struct SharedEnumAssignmentTests {
    /// A session with a value in every enum field the create params can set again.
    private static func session() throws -> CheckoutSession {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(Fixtures.session().utf8)) as? [String: Any])
        object["locale"] = "fr"
        object["billing_address_collection"] = "required"
        object["customer_creation"] = "always"
        object["payment_method_collection"] = "if_required"
        object["submit_type"] = "donate"
        object["mode"] = "subscription"
        object["consent_collection"] = ["promotions": "none", "terms_of_service": "required"]
        object["custom_fields"] = [[
            "key": "gift_note", "label": ["custom": "Gift note", "type": "custom"], "optional": true, "type": "text",
        ]]
        object["shipping_address_collection"] = ["allowed_countries": ["FR", "DE"]]
        object["payment_method_options"] = [
            "acss_debit": [
                "currency": "cad", "setup_future_usage": "none", "verification_method": "microdeposits",
                "mandate_options": ["default_for": ["invoice"], "payment_schedule": "interval",
                                    "transaction_type": "business"],
            ],
            "link": ["setup_future_usage": "none"],
            "us_bank_account": [
                "setup_future_usage": "off_session", "verification_method": "instant",
                "financial_connections": ["permissions": ["balances", "payment_method"]],
            ],
            "customer_balance": [
                "bank_transfer": ["type": "eu_bank_transfer", "requested_address_types": ["iban"]],
            ],
        ]
        let data = try JSONSerialization.data(withJSONObject: object)
        return try JSONDecoder().decode(CheckoutSession.self, from: data)
    }

    @Test func sessionValuesGoIntoCreateParamsWithoutConversion() throws {
        let session = try Self.session()
        var params = CreateParams(mode: session.mode, successURL: session.successURL ?? "")
        params.locale = session.locale
        params.billingAddressCollection = session.billingAddressCollection
        params.customerCreation = session.customerCreation
        params.paymentMethodCollection = session.paymentMethodCollection
        params.submitType = session.submitType
        params.consentCollection = session.consentCollection.map {
            .init(promotions: $0.promotions, termsOfService: $0.termsOfService)
        }
        params.customFields = session.customFields?.compactMap { field in
            guard let key = field.key, let kind = field.type else { return nil }
            return .init(key: key, label: .init(custom: field.label?.custom ?? "", type: .custom), type: kind)
        }
        params.shippingAddressCollection = session.shippingAddressCollection.flatMap { collection in
            collection.allowedCountries.map { .init(allowedCountries: $0) }
        }
        let options = try #require(session.paymentMethodOptions)
        let acss = try #require(options.acssDebit)
        let mandate = try #require(acss.mandateOptions)
        let bank = try #require(options.usBankAccount)
        let transfer = try #require(options.customerBalance?.bankTransfer)
        params.paymentMethodOptions = .init(
            acssDebit: .init(
                currency: acss.currency,
                mandateOptions: .init(defaultFor: mandate.defaultFor, paymentSchedule: mandate.paymentSchedule,
                                      transactionType: mandate.transactionType),
                setupFutureUsage: acss.setupFutureUsage, verificationMethod: acss.verificationMethod),
            customerBalance: .init(bankTransfer: .init(requestedAddressTypes: transfer.requestedAddressTypes,
                                                       type: try #require(transfer.type))),
            link: .init(setupFutureUsage: options.link?.setupFutureUsage),
            usBankAccount: .init(
                financialConnections: .init(permissions: bank.financialConnections?.permissions),
                setupFutureUsage: bank.setupFutureUsage, verificationMethod: bank.verificationMethod))

        let fields = Set(try FormEncoder().encode(params).map(\.description))
        let expected: Set<String> = [
            "locale=fr", "mode=subscription", "billing_address_collection=required", "customer_creation=always",
            "payment_method_collection=if_required", "submit_type=donate",
            "consent_collection[promotions]=none", "consent_collection[terms_of_service]=required",
            "custom_fields[0][key]=gift_note", "custom_fields[0][type]=text",
            "shipping_address_collection[allowed_countries][]=FR",
            "shipping_address_collection[allowed_countries][]=DE",
            "payment_method_options[acss_debit][currency]=cad",
            "payment_method_options[acss_debit][setup_future_usage]=none",
            "payment_method_options[acss_debit][verification_method]=microdeposits",
            "payment_method_options[acss_debit][mandate_options][default_for][]=invoice",
            "payment_method_options[acss_debit][mandate_options][payment_schedule]=interval",
            "payment_method_options[acss_debit][mandate_options][transaction_type]=business",
            "payment_method_options[link][setup_future_usage]=none",
            "payment_method_options[us_bank_account][setup_future_usage]=off_session",
            "payment_method_options[us_bank_account][verification_method]=instant",
            "payment_method_options[us_bank_account][financial_connections][permissions][]=balances",
            "payment_method_options[us_bank_account][financial_connections][permissions][]=payment_method",
            "payment_method_options[customer_balance][bank_transfer][type]=eu_bank_transfer",
            "payment_method_options[customer_balance][bank_transfer][requested_address_types][]=iban",
        ]
        #expect(expected.subtracting(fields).isEmpty, "missing: \(expected.subtracting(fields).sorted())")
    }

    /// A price's tax behavior and interval set a new price's data as they are.
    @Test func priceValuesGoIntoPriceDataWithoutConversion() throws {
        let price = try JSONDecoder().decode(Price.self, from: Data(Fixtures.priceWithProduct.utf8))
        let recurring = Recurring(interval: .month, intervalCount: 1, usageType: .licensed)
        let data = CreateParams.LineItem.PriceData(
            currency: try #require(price.currency), recurring: .init(interval: try #require(recurring.interval)),
            taxBehavior: price.taxBehavior, unitAmount: 100)
        let fields = try FormEncoder().encode(data).map(\.description)
        #expect(fields.contains("tax_behavior=exclusive"))
        #expect(fields.contains("recurring[interval]=month"))
    }

    /// `none` is spelled `.noneValue`, so it never reads as `nil` on an optional field, and it is sent as `none`.
    @Test func noneValueEncodesAsNone() throws {
        var options = CreateParams.PaymentMethodOptions.AcssDebit()
        options.setupFutureUsage = .noneValue
        #expect(try FormEncoder().encode(options).map(\.description) == ["setup_future_usage=none"])
        options.setupFutureUsage = .none
        #expect(try FormEncoder().encode(options).isEmpty, "`.none` is nil: nothing is sent")
        #expect(CheckoutAcssDebitPaymentMethodOptions.SetupFutureUsage(rawValue: "none") == .noneValue)
    }

    /// The generated sources declare no case that `Optional`'s `.none` or `.some` would hide.
    @Test func generatedSourcesHaveNoCaseNone() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Generated/StripeCheckout")
        let files = try #require(FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String])
            .filter { $0.hasSuffix(".swift") }
        #expect(files.count > 50)
        for file in files {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                #expect(trimmed != "case none" && trimmed != "case some", "\(file): \(trimmed)")
            }
        }
    }
}
