import Foundation
import StripeRuntime

/// A create-params-like structure: 100 line items with nested price and product data, metadata.
struct CreateSessionParams: StripeParams {
    struct LineItem: Encodable, Sendable {
        struct PriceData: Encodable, Sendable {
            struct ProductData: Encodable, Sendable {
                var name: String
                var description: String?
                var metadata: [String: String]
            }

            var currency: String
            var productData: ProductData
            var unitAmountDecimal: Decimal
            var taxBehavior: String?

            enum CodingKeys: String, CodingKey {
                case currency
                case productData = "product_data"
                case unitAmountDecimal = "unit_amount_decimal"
                case taxBehavior = "tax_behavior"
            }
        }

        var priceData: PriceData
        var quantity: Int
        var taxRates: [String]

        enum CodingKeys: String, CodingKey {
            case priceData = "price_data"
            case quantity
            case taxRates = "tax_rates"
        }
    }

    var mode: String
    var successURL: String
    var cancelURL: String
    var clientReferenceID: String
    var expiresAt: Date
    var lineItems: [LineItem]
    var metadata: [String: String]
    var expand: [String]

    enum CodingKeys: String, CodingKey {
        case mode
        case successURL = "success_url"
        case cancelURL = "cancel_url"
        case clientReferenceID = "client_reference_id"
        case expiresAt = "expires_at"
        case lineItems = "line_items"
        case metadata, expand
    }

    func validate(at path: ParameterPath) throws {
        try ParameterCheck.maxLength(clientReferenceID, 200, at: path.appending("client_reference_id"))
    }

    static func sample() -> CreateSessionParams {
        let items = (0..<100).map { index in
            LineItem(
                priceData: .init(
                    currency: "usd",
                    productData: .init(name: "Product #\(index) – deluxe", description: "Item \(index) of the order", metadata: ["sku": "SKU-\(index)", "color": "blue"]),
                    unitAmountDecimal: Decimal(1999 + index) / 100,
                    taxBehavior: "exclusive"
                ),
                quantity: index % 5 + 1,
                taxRates: ["txr_\(index)"]
            )
        }
        return CreateSessionParams(
            mode: "payment",
            successURL: "https://shop.example/ok?session_id={CHECKOUT_SESSION_ID}",
            cancelURL: "https://shop.example/cart",
            clientReferenceID: "order_42",
            expiresAt: Date(timeIntervalSince1970: 1_700_003_600),
            lineItems: items,
            metadata: (0..<20).reduce(into: [:]) { $0["key_\($1)"] = "value \($1)" },
            expand: ["line_items", "customer", "payment_intent"]
        )
    }
}
