import Foundation
import StripeCheckout

/// A large create request of our own: 100 line items with inline price and product data, 20 metadata keys,
/// expansions — the form body a shop with a big cart sends.
enum SampleCreateParams {
    static func make() -> CheckoutSessionsAPI.CreateParams {
        let items = (0..<100).map { index in
            CheckoutSessionsAPI.CreateParams.LineItem(
                priceData: .init(
                    currency: "usd",
                    productData: .init(description: "Item \(index) of the order",
                                       metadata: ["sku": "SKU-\(index)", "color": "blue"],
                                       name: "Product #\(index) – deluxe"),
                    taxBehavior: .exclusive,
                    unitAmountDecimal: Decimal(1_999 + index) / 100),
                quantity: index % 5 + 1,
                taxRates: ["txr_\(index)"])
        }
        return CheckoutSessionsAPI.CreateParams(
            cancelURL: "https://shop.example/cart",
            clientReferenceID: "order_42",
            expand: [.lineItems],
            expiresAt: Date(timeIntervalSince1970: 1_700_003_600),
            lineItems: items,
            metadata: (0..<20).reduce(into: [:]) { $0["key_\($1)"] = "value \($1)" },
            mode: .payment,
            successURL: "https://shop.example/ok?session_id={CHECKOUT_SESSION_ID}")
    }
}
