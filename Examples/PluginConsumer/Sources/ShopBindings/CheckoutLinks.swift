import StripeRuntime

/// The shop's one use of Checkout: a hosted payment page for an order, paid in one line item.
public struct CheckoutLinks: Sendable {
    /// The client the generated `checkout.sessions` operations go through.
    public let stripe: StripeClient

    public init(stripe: StripeClient) {
        self.stripe = stripe
    }

    /// Creates a session for `orderID` charging `amount` (in the currency's minor unit) for one `productName`.
    /// The order id goes into `client_reference_id` and the metadata, so webhooks can find the order again.
    public func session(orderID: String, productName: String, amount: Int, currency: String = "usd",
                        successURL: String) async throws -> Session {
        let item = CheckoutSessionsAPI.CreateParams.LineItem(
            priceData: .init(currency: currency, productData: .init(name: productName), unitAmount: amount),
            quantity: 1)
        return try await stripe.checkout.sessions.create(
            .init(clientReferenceID: orderID, lineItems: [item], metadata: ["order_id": orderID], mode: .payment,
                  successURL: successURL),
            options: RequestOptions(idempotencyKey: "order-\(orderID)"))
    }
}
