import Foundation
import StripeRuntime

/// Parameters shaped like generated checkout-session create params (nested params types, explicit
/// `validate(at:)`), but coded through `CodingKeys` enums: the form encoder must take any `Encodable`,
/// not only the `FieldKey` style the generator writes.
struct SampleSessionParams: StripeParams, Hashable {
    enum Mode: String, Encodable, Sendable, Hashable { case payment, subscription }

    struct LineItem: StripeParams, Hashable {
        struct PriceData: StripeParams, Hashable {
            struct ProductData: StripeParams, Hashable {
                var name: String
                var description: String?
                var metadata: [String: String]?

                enum CodingKeys: String, CodingKey { case name, description, metadata }

                func validate(at path: ParameterPath) throws {
                    try ParameterCheck.maxLength(name, 40, at: path.appending("name"))
                }
            }

            var currency: String
            var productData: ProductData?
            var unitAmount: Int?
            var unitAmountDecimal: Decimal?

            enum CodingKeys: String, CodingKey {
                case currency
                case productData = "product_data"
                case unitAmount = "unit_amount"
                case unitAmountDecimal = "unit_amount_decimal"
            }

            func validate(at path: ParameterPath) throws {
                try ParameterCheck.nested(productData, at: path.appending("product_data"))
            }
        }

        var price: String?
        var priceData: PriceData?
        var quantity: Int?

        enum CodingKeys: String, CodingKey {
            case price
            case priceData = "price_data"
            case quantity
        }

        func validate(at path: ParameterPath) throws {
            try ParameterCheck.nested(priceData, at: path.appending("price_data"))
        }
    }

    var mode: Mode
    var successURL: String
    var clientReferenceID: String?
    var lineItems: [LineItem]?
    var metadata: [String: String]?
    var expand: [String]?
    var expiresAt: Date?
    var allowPromotionCodes: Bool?
    var customerEmail: Unsettable<String>?
    var paymentMethodTypes: [String]?

    enum CodingKeys: String, CodingKey {
        case mode
        case successURL = "success_url"
        case clientReferenceID = "client_reference_id"
        case lineItems = "line_items"
        case metadata, expand
        case expiresAt = "expires_at"
        case allowPromotionCodes = "allow_promotion_codes"
        case customerEmail = "customer_email"
        case paymentMethodTypes = "payment_method_types"
    }

    init(
        mode: Mode = .payment,
        successURL: String = "https://shop.example/ok",
        clientReferenceID: String? = nil,
        lineItems: [LineItem]? = nil,
        metadata: [String: String]? = nil,
        expand: [String]? = nil,
        expiresAt: Date? = nil,
        allowPromotionCodes: Bool? = nil,
        customerEmail: Unsettable<String>? = nil,
        paymentMethodTypes: [String]? = nil
    ) {
        self.mode = mode
        self.successURL = successURL
        self.clientReferenceID = clientReferenceID
        self.lineItems = lineItems
        self.metadata = metadata
        self.expand = expand
        self.expiresAt = expiresAt
        self.allowPromotionCodes = allowPromotionCodes
        self.customerEmail = customerEmail
        self.paymentMethodTypes = paymentMethodTypes
    }

    func validate(at path: ParameterPath) throws {
        try ParameterCheck.maxLength(clientReferenceID, 200, at: path.appending("client_reference_id"))
        try ParameterCheck.maxLength(customerEmail, 100, at: path.appending("customer_email"))
        try ParameterCheck.maxLength(expand, 30, at: path.appending("expand"))
        try ParameterCheck.each(lineItems, at: path.appending("line_items"))
    }
}

/// List parameters with a cursor, like generated list params.
struct SampleListParams: StripeParams, Hashable {
    var limit: Int?
    var startingAfter: String?

    enum CodingKeys: String, CodingKey {
        case limit
        case startingAfter = "starting_after"
    }

    func validate(at path: ParameterPath) throws {
        try ParameterCheck.maxLength(startingAfter, 5000, at: path.appending("starting_after"))
    }
}

/// A small resource, like a generated model.
struct SampleSession: Codable, Hashable, Sendable, StripeIdentifiable {
    var id: String
    var object: String?
}
