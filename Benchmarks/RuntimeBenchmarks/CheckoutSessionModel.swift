import Foundation
import StripeRuntime

/// A hand-written model of a checkout session, coded the way generated models are (explicit
/// `init(from:)` using the runtime's helpers, open enums, expandable references).
struct BenchSession: Decodable, Sendable {
    enum Status: StripeEnum {
        case complete, expired, open
        case unrecognized(String)
        init(rawValue: String) {
            switch rawValue {
            case "complete": self = .complete
            case "expired": self = .expired
            case "open": self = .open
            default: self = .unrecognized(rawValue)
            }
        }
        var rawValue: String {
            switch self {
            case .complete: "complete"
            case .expired: "expired"
            case .open: "open"
            case .unrecognized(let value): value
            }
        }
        static let allCases: [Status] = [.complete, .expired, .open]
    }

    struct Customer: Codable, Hashable, Sendable, StripeIdentifiable {
        var id: String
        var email: String?
    }

    struct Address: Decodable, Sendable {
        var city: String?
        var country: String?
        var line1: String?
        var line2: String?
        var postalCode: String?
        var state: String?
        enum CodingKeys: String, CodingKey {
            case city, country, line1, line2, state
            case postalCode = "postal_code"
        }
    }

    struct CustomerDetails: Decodable, Sendable {
        var address: Address?
        var email: String?
        var name: String?
        var phone: String?
        var taxExempt: String?
        enum CodingKeys: String, CodingKey {
            case address, email, name, phone
            case taxExempt = "tax_exempt"
        }
    }

    struct LineItem: Decodable, Sendable {
        var id: String
        var amountSubtotal: Int
        var amountTotal: Int
        var currency: String
        var description: String
        var quantity: Int?
        var unitAmountDecimal: Decimal?
        var created: Date

        enum CodingKeys: String, CodingKey {
            case id, currency, description, quantity, created
            case amountSubtotal = "amount_subtotal"
            case amountTotal = "amount_total"
            case unitAmountDecimal = "unit_amount_decimal"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            amountSubtotal = try container.decode(Int.self, forKey: .amountSubtotal)
            amountTotal = try container.decode(Int.self, forKey: .amountTotal)
            currency = try container.decode(String.self, forKey: .currency)
            description = try container.decode(String.self, forKey: .description)
            quantity = try container.decodeIfPresent(Int.self, forKey: .quantity)
            unitAmountDecimal = try container.decodeDecimalStringIfPresent(forKey: .unitAmountDecimal)
            created = try container.decodeUnixTime(forKey: .created)
        }
    }

    var id: String
    var object: String
    var amountSubtotal: Int?
    var amountTotal: Int?
    var clientReferenceID: String?
    var created: Date
    var expiresAt: Date
    var currency: String?
    var customer: Expandable<Customer>?
    var customerDetails: CustomerDetails?
    var lineItems: ListPage<LineItem>?
    var livemode: Bool
    var metadata: [String: String]
    var mode: String
    var paymentIntent: Expandable<Customer>?
    var paymentMethodTypes: [String]
    var paymentStatus: String
    var status: Status?
    var successURL: String?
    var url: String?
    var consent: JSONValue?

    enum CodingKeys: String, CodingKey {
        case id, object, created, currency, customer, livemode, metadata, mode, status, url, consent
        case amountSubtotal = "amount_subtotal"
        case amountTotal = "amount_total"
        case clientReferenceID = "client_reference_id"
        case expiresAt = "expires_at"
        case customerDetails = "customer_details"
        case lineItems = "line_items"
        case paymentIntent = "payment_intent"
        case paymentMethodTypes = "payment_method_types"
        case paymentStatus = "payment_status"
        case successURL = "success_url"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        object = try container.decode(String.self, forKey: .object)
        amountSubtotal = try container.decodeIfPresent(Int.self, forKey: .amountSubtotal)
        amountTotal = try container.decodeIfPresent(Int.self, forKey: .amountTotal)
        clientReferenceID = try container.decodeIfPresent(String.self, forKey: .clientReferenceID)
        created = try container.decodeUnixTime(forKey: .created)
        expiresAt = try container.decodeUnixTime(forKey: .expiresAt)
        currency = try container.decodeIfPresent(String.self, forKey: .currency)
        customer = try container.decodeIfPresent(Expandable<Customer>.self, forKey: .customer)
        customerDetails = try container.decodeIfPresent(CustomerDetails.self, forKey: .customerDetails)
        lineItems = try container.decodeIfPresent(ListPage<LineItem>.self, forKey: .lineItems)
        livemode = try container.decode(Bool.self, forKey: .livemode)
        metadata = try container.decode([String: String].self, forKey: .metadata)
        mode = try container.decode(String.self, forKey: .mode)
        paymentIntent = try container.decodeIfPresent(Expandable<Customer>.self, forKey: .paymentIntent)
        paymentMethodTypes = try container.decode([String].self, forKey: .paymentMethodTypes)
        paymentStatus = try container.decode(String.self, forKey: .paymentStatus)
        status = try container.decodeIfPresent(Status.self, forKey: .status)
        successURL = try container.decodeIfPresent(String.self, forKey: .successURL)
        url = try container.decodeIfPresent(String.self, forKey: .url)
        consent = try container.decodeIfPresent(JSONValue.self, forKey: .consent)
    }

    /// About 4 KB of JSON shaped like an expanded checkout session.
    static func sampleJSON() -> Data {
        let items = (0..<10).map { index in
            """
            {"id":"li_1Nv0000000000000000000\(index)","object":"item","amount_discount":0,"amount_subtotal":\(1000 * (index + 1)),"amount_tax":0,"amount_total":\(1000 * (index + 1)),"currency":"usd","description":"Benchmark product number \(index)","quantity":\(index + 1),"unit_amount_decimal":"\(index + 10).5000000000","created":1700000000}
            """
        }.joined(separator: ",")
        let json = """
        {"id":"cs_test_a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6q7r8s9t0u1v2w3x4y5z6","object":"checkout.session","after_expiration":null,\
        "allow_promotion_codes":null,"amount_subtotal":36000,"amount_total":36000,"automatic_tax":{"enabled":false,"status":null},\
        "billing_address_collection":null,"cancel_url":"https://shop.example/cart","client_reference_id":"order_42",\
        "consent":{"promotions":"opt_in","terms_of_service":null},"created":1700000000,"currency":"usd",\
        "customer":{"id":"cus_OxYz1234567890","email":"jenny@example.com"},"customer_creation":"if_required",\
        "customer_details":{"address":{"city":"Berlin","country":"DE","line1":"Unter den Linden 1","line2":null,"postal_code":"10117","state":null},\
        "email":"jenny@example.com","name":"Jenny Rosen","phone":null,"tax_exempt":"none","tax_ids":[]},\
        "expires_at":1700086400,"invoice":null,"line_items":{"object":"list","data":[\(items)],"has_more":false,"url":"/v1/checkout/sessions/cs_test_a1/line_items"},\
        "livemode":false,"locale":null,"metadata":{"order_id":"42","cart":"c_9f8e7d","channel":"web"},"mode":"payment",\
        "payment_intent":"pi_3NvAbCdEfGhIjKlM0a1b2c3d","payment_method_types":["card","link","sepa_debit"],"payment_status":"unpaid",\
        "phone_number_collection":{"enabled":false},"status":"open","submit_type":null,"subscription":null,\
        "success_url":"https://shop.example/ok?session_id={CHECKOUT_SESSION_ID}","total_details":{"amount_discount":0,"amount_shipping":0,"amount_tax":0},\
        "url":"https://checkout.stripe.com/c/pay/cs_test_a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6q7r8s9t0u1v2w3x4y5z6"}
        """
        return Data(json.utf8)
    }
}
