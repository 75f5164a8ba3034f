import Foundation

/// About 8 KB of JSON for one expanded, paid Checkout session of our own: ten line items each with its price,
/// customer details with an address, metadata and totals — what a shop reads back after a payment.
enum SampleCheckoutSession {
    static let id = "cs_test_a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6q7r8s9t0u1v2w3x4y5z6"

    static func json(status: String = "complete", paymentStatus: String = "paid") -> Data {
        let items = (0..<10).map { index in
            """
            {"id":"li_bench_\(index)","object":"item","amount_discount":0,"amount_subtotal":\(1_000 * (index + 1)),\
            "amount_tax":0,"amount_total":\(1_000 * (index + 1)),"currency":"usd",\
            "description":"Benchmark product number \(index)","quantity":\(index + 1),\
            "price":{"id":"price_bench_\(index)","object":"price","active":true,"billing_scheme":"per_unit",\
            "created":1700000000,"currency":"usd","livemode":false,"lookup_key":null,"metadata":{"sku":"SKU-\(index)"},\
            "nickname":null,"product":"prod_bench_\(index)","recurring":null,"tax_behavior":"exclusive",\
            "tiers_mode":null,"transform_quantity":null,"type":"one_time","unit_amount":1000,\
            "unit_amount_decimal":"1000"}}
            """
        }.joined(separator: ",")
        return Data("""
        {"id":"\(id)","object":"checkout.session","after_expiration":null,"allow_promotion_codes":null,\
        "amount_subtotal":55000,"amount_total":55000,"automatic_tax":{"enabled":false,"status":null},\
        "billing_address_collection":null,"cancel_url":"https://shop.example/cart","client_reference_id":"order_42",\
        "consent":{"promotions":"opt_in","terms_of_service":null},"consent_collection":null,"created":1700000000,\
        "currency":"usd","custom_fields":[],"custom_text":{"shipping_address":null,"submit":null},\
        "customer":"cus_OxYz1234567890","customer_creation":"if_required",\
        "customer_details":{"address":{"city":"Berlin","country":"DE","line1":"Unter den Linden 1","line2":null,\
        "postal_code":"10117","state":null},"email":"jenny@example.com","name":"Jenny Rosen","phone":null,\
        "tax_exempt":"none","tax_ids":[]},"customer_email":null,"expires_at":1700086400,"invoice":null,\
        "invoice_creation":null,"line_items":{"object":"list","data":[\(items)],"has_more":false,\
        "url":"/v1/checkout/sessions/\(id)/line_items"},"livemode":false,"locale":null,\
        "metadata":{"order_id":"42","cart":"c_9f8e7d","channel":"web"},"mode":"payment",\
        "payment_intent":"pi_3NvAbCdEfGhIjKlM0a1b2c3d","payment_link":null,"payment_method_collection":"always",\
        "payment_method_types":["card","link","sepa_debit"],"payment_status":"\(paymentStatus)",\
        "phone_number_collection":{"enabled":false},"recovered_from":null,"setup_intent":null,\
        "shipping_address_collection":null,"shipping_cost":null,"shipping_details":null,"shipping_options":[],\
        "status":"\(status)","submit_type":null,"subscription":null,\
        "success_url":"https://shop.example/ok?session_id={CHECKOUT_SESSION_ID}",\
        "total_details":{"amount_discount":0,"amount_shipping":0,"amount_tax":0},"url":null}
        """.utf8)
    }

    /// A signed-looking `checkout.session.completed` event carrying the session above.
    static func completedEvent() -> Data {
        Data(#"{"id":"evt_bench_completed","object":"event","api_version":"2023-08-16","created":1700000100,"livemode":false,"pending_webhooks":1,"request":{"id":null,"idempotency_key":null},"type":"checkout.session.completed","data":{"object":"#.utf8)
            + json() + Data("}}".utf8)
    }
}
