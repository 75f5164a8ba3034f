import Foundation
import StripeRuntime

/// Hand-written payloads in the shape the API sends; ids, amounts and names are ours.
enum Fixtures {
    /// 2023-11-14T22:13:20Z and a day later.
    static let created = 1_700_000_000
    static let expiresAt = 1_700_086_400

    /// A price whose product was expanded (`product` is an object).
    static let priceWithProduct = """
        {
          "id": "price_mug_blue",
          "object": "price",
          "active": true,
          "billing_scheme": "per_unit",
          "created": 1699990000,
          "currency": "usd",
          "custom_unit_amount": null,
          "livemode": false,
          "lookup_key": null,
          "metadata": {"sku": "MUG-BLU"},
          "nickname": null,
          "product": {
            "id": "prod_mug",
            "object": "product",
            "active": true,
            "created": 1699980000,
            "default_price": "price_mug_blue",
            "description": null,
            "features": [],
            "images": [],
            "livemode": false,
            "metadata": {},
            "name": "Blue mug",
            "package_dimensions": null,
            "shippable": true,
            "statement_descriptor": null,
            "tax_code": null,
            "unit_label": null,
            "updated": 1699985000,
            "url": null
          },
          "recurring": null,
          "tax_behavior": "exclusive",
          "tiers_mode": null,
          "transform_quantity": null,
          "type": "one_time",
          "unit_amount": 1250,
          "unit_amount_decimal": "1250.5"
        }
        """

    /// A price whose product is only an id.
    static let priceWithProductID = """
        {
          "id": "price_poster",
          "object": "price",
          "active": true,
          "billing_scheme": "per_unit",
          "created": 1699990100,
          "currency": "usd",
          "livemode": false,
          "metadata": {},
          "product": "prod_poster",
          "type": "one_time",
          "unit_amount": 800,
          "unit_amount_decimal": "800"
        }
        """

    static func lineItem(id: String, description: String, quantity: Int, price: String) -> String {
        """
        {
          "id": "\(id)",
          "object": "item",
          "amount_discount": 0,
          "amount_subtotal": \(quantity * 1000),
          "amount_tax": 0,
          "amount_total": \(quantity * 1000),
          "currency": "usd",
          "description": "\(description)",
          "price": \(price),
          "quantity": \(quantity)
        }
        """
    }

    /// A complete, open session with its line items expanded.
    static func session(id: String = "cs_test_1", status: String = "open", clientReferenceID: String = "order_42",
                        extra: String = "") -> String {
        """
        {
          "id": "\(id)",
          "object": "checkout.session",
          "after_expiration": null,
          "allow_promotion_codes": null,
          "amount_subtotal": 3300,
          "amount_total": 3300,
          "automatic_tax": {"enabled": false, "status": null},
          "billing_address_collection": null,
          "cancel_url": "https://shop.example/cart",
          "client_reference_id": "\(clientReferenceID)",
          "consent": null,
          "consent_collection": null,
          "created": \(created),
          "currency": "usd",
          "custom_fields": [],
          "custom_text": {"shipping_address": null, "submit": null},
          "customer": null,
          "customer_creation": "if_required",
          "customer_details": null,
          "customer_email": "ada@shop.example",
          "expires_at": \(expiresAt),
          "invoice": null,
          "invoice_creation": null,
          "line_items": {
            "object": "list",
            "data": [
              \(lineItem(id: "li_1", description: "Blue mug", quantity: 2, price: priceWithProduct)),
              \(lineItem(id: "li_2", description: "Poster", quantity: 1, price: priceWithProductID))
            ],
            "has_more": false,
            "url": "/v1/checkout/sessions/\(id)/line_items"
          },
          "livemode": false,
          "locale": null,
          "metadata": {"order_id": "42", "channel": "web"},
          "mode": "payment",
          "payment_intent": null,
          "payment_link": null,
          "payment_method_collection": "always",
          "payment_method_options": null,
          "payment_method_types": ["card"],
          "payment_status": "unpaid",
          "phone_number_collection": null,
          "recovered_from": null,
          "setup_intent": null,
          "shipping_address_collection": null,
          "shipping_cost": null,
          "shipping_details": null,
          "shipping_options": [],
          "status": "\(status)",
          "submit_type": null,
          "subscription": null,
          "success_url": "https://shop.example/ok?session_id={CHECKOUT_SESSION_ID}",
          "total_details": {"amount_discount": 0, "amount_shipping": 0, "amount_tax": 0},
          "url": "https://checkout.example/pay/\(id)"\(extra)
        }
        """
    }

    /// A minimal session, as list pages carry them.
    static func smallSession(_ id: String) -> String {
        """
        {"id": "\(id)", "object": "checkout.session", "automatic_tax": {"enabled": false, "status": null},
         "created": \(created), "custom_fields": [], "custom_text": {"shipping_address": null, "submit": null},
         "expires_at": \(expiresAt), "livemode": false, "mode": "payment", "payment_method_types": ["card"],
         "payment_status": "unpaid", "shipping_options": [], "status": "open", "client_reference_id": "order_42"}
        """
    }

    static func list(_ objects: [String], hasMore: Bool, url: String = "/v1/checkout/sessions") -> String {
        """
        {"object": "list", "data": [\(objects.joined(separator: ","))], "has_more": \(hasMore), "url": "\(url)"}
        """
    }

    static func event(id: String = "evt_1", type: String, object: String) -> String {
        """
        {
          "id": "\(id)",
          "object": "event",
          "api_version": "2023-08-16",
          "created": \(created + 60),
          "data": {"object": \(object)},
          "livemode": false,
          "pending_webhooks": 1,
          "request": {"id": null, "idempotency_key": null},
          "type": "\(type)"
        }
        """
    }
}

/// A transport that answers from a script and records every request it was given.
final class RecordingTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var script: [HTTPResponse]
    private var recorded: [HTTPRequest] = []

    init(_ script: [HTTPResponse] = []) {
        self.script = script
    }

    var requests: [HTTPRequest] { lock.withLock { recorded } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        lock.withLock {
            recorded.append(request)
            return script.isEmpty ? HTTPResponse(status: 500, body: Data("{\"error\":{\"type\":\"api_error\"}}".utf8))
                : script.removeFirst()
        }
    }
}

extension HTTPResponse {
    static func json(_ body: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "application/json", "Request-Id": "req_test"], body: Data(body.utf8))
    }
}

extension StripeClient {
    /// A client that talks to `transport` only, never retries, and sends the bindings' pinned version.
    static func testing(_ transport: RecordingTransport) -> StripeClient {
        StripeClient(apiKey: "sk_test_codegen_123",
                     configuration: StripeConfiguration(baseURL: URL(string: "https://api.stripe.test")!, maxNetworkRetries: 0),
                     transport: transport)
    }
}

extension HTTPRequest {
    /// The query items by name, decoded.
    var query: [(String, String)] {
        (URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems ?? []).map { ($0.name, $0.value ?? "") }
    }

    /// The form body's fields, decoded.
    var form: [FormField] {
        FormBody.parse(String(decoding: body ?? Data(), as: UTF8.self))
    }
}
