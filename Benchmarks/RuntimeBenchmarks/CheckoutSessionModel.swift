import Foundation
import StripeRuntime

/// A hand-written model of a checkout session, coded the way generated models are (explicit `init(from:)` keyed by
/// `FieldKey` literals, the runtime's date and decimal helpers, open enums, expandable references).
struct BenchSession: Decodable, Sendable {
    enum Status: StripeEnum {
        case complete, expired, open
        case unrecognized(String)

        static let allCases: [Status] = [.complete, .expired, .open]

        var rawValue: String {
            switch self {
            case .complete: "complete"
            case .expired: "expired"
            case .open: "open"
            case .unrecognized(let value): value
            }
        }
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

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: FieldKey.self)
            city = try container.decodeIfPresent(String.self, forKey: "city")
            country = try container.decodeIfPresent(String.self, forKey: "country")
            line1 = try container.decodeIfPresent(String.self, forKey: "line1")
            line2 = try container.decodeIfPresent(String.self, forKey: "line2")
            postalCode = try container.decodeIfPresent(String.self, forKey: "postal_code")
            state = try container.decodeIfPresent(String.self, forKey: "state")
        }
    }

    struct CustomerDetails: Decodable, Sendable {
        var address: Address?
        var email: String?
        var name: String?
        var phone: String?
        var taxExempt: String?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: FieldKey.self)
            address = try container.decodeIfPresent(Address.self, forKey: "address")
            email = try container.decodeIfPresent(String.self, forKey: "email")
            name = try container.decodeIfPresent(String.self, forKey: "name")
            phone = try container.decodeIfPresent(String.self, forKey: "phone")
            taxExempt = try container.decodeIfPresent(String.self, forKey: "tax_exempt")
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

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: FieldKey.self)
            id = try container.decode(String.self, forKey: "id")
            amountSubtotal = try container.decode(Int.self, forKey: "amount_subtotal")
            amountTotal = try container.decode(Int.self, forKey: "amount_total")
            currency = try container.decode(String.self, forKey: "currency")
            description = try container.decode(String.self, forKey: "description")
            quantity = try container.decodeIfPresent(Int.self, forKey: "quantity")
            unitAmountDecimal = try container.decodeDecimalStringIfPresent(forKey: "unit_amount_decimal")
            created = try container.decodeUnixTime(forKey: "created")
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

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: FieldKey.self)
        id = try container.decode(String.self, forKey: "id")
        object = try container.decode(String.self, forKey: "object")
        amountSubtotal = try container.decodeIfPresent(Int.self, forKey: "amount_subtotal")
        amountTotal = try container.decodeIfPresent(Int.self, forKey: "amount_total")
        clientReferenceID = try container.decodeIfPresent(String.self, forKey: "client_reference_id")
        created = try container.decodeUnixTime(forKey: "created")
        expiresAt = try container.decodeUnixTime(forKey: "expires_at")
        currency = try container.decodeIfPresent(String.self, forKey: "currency")
        customer = try container.decodeIfPresent(Expandable<Customer>.self, forKey: "customer")
        customerDetails = try container.decodeIfPresent(CustomerDetails.self, forKey: "customer_details")
        lineItems = try container.decodeIfPresent(ListPage<LineItem>.self, forKey: "line_items")
        livemode = try container.decode(Bool.self, forKey: "livemode")
        metadata = try container.decode([String: String].self, forKey: "metadata")
        mode = try container.decode(String.self, forKey: "mode")
        paymentIntent = try container.decodeIfPresent(Expandable<Customer>.self, forKey: "payment_intent")
        paymentMethodTypes = try container.decode([String].self, forKey: "payment_method_types")
        paymentStatus = try container.decode(String.self, forKey: "payment_status")
        status = try container.decodeIfPresent(Status.self, forKey: "status")
        successURL = try container.decodeIfPresent(String.self, forKey: "success_url")
        url = try container.decodeIfPresent(String.self, forKey: "url")
        consent = try container.decodeIfPresent(JSONValue.self, forKey: "consent")
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
