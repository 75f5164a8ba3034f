#if Emulator
/// The parameters the emulator acts on, for the operations where Stripe takes more than it emulates. A parameter the
/// spec allows but the emulator would ignore is refused with a 400 naming it, so a test never passes on a request
/// whose effect nobody checked (Stripe would act on it; the emulator would not).
enum EmulatedParameters {
    /// The body parameters each operation acts on; operations not listed act on every parameter their schema allows.
    static let handled: [String: Set<String>] = [
        "PostProducts": Set(CheckoutEngine.productFields + ["id", "default_price_data", "expand"]),
        "PostProductsId": Set(CheckoutEngine.productFields + ["default_price", "expand"]),
        "PostPrices": ["active", "currency", "expand", "lookup_key", "metadata", "nickname", "product", "product_data",
                       "recurring", "tax_behavior", "transfer_lookup_key", "unit_amount", "unit_amount_decimal"],
        "PostPricesPrice": ["active", "expand", "lookup_key", "metadata", "nickname", "tax_behavior", "transfer_lookup_key"],
        "PostCustomers": Set(CheckoutEngine.customerFields + ["expand"]),
        "PostCustomersCustomer": Set(CheckoutEngine.customerFields + ["expand"]),
        "PostSubscriptionsSubscriptionExposedId": Set(CheckoutEngine.subscriptionFields + ["cancellation_details", "expand"]),
        "DeleteSubscriptionsSubscriptionExposedId": ["cancellation_details", "expand", "invoice_now", "prorate"],
        "PostBillingPortalSessions": ["customer", "expand", "locale", "return_url"],
    ]

    /// The 400 for the first parameter of `tree` that `operationID` does not act on, or `nil`.
    static func failure(in tree: FormTree, operationID: String, method: String, path: String) -> APIError? {
        guard let handled = handled[operationID] else { return nil }
        for child in tree.children ?? [] where !handled.contains(child.key) {
            return APIError.invalidRequest(
                "The emulator does not act on `\(child.key)` for \(method.uppercased()) \(path), so it refuses it rather "
                    + "than ignore it (Stripe would act on it); the README lists what the emulator covers.",
                param: child.key)
        }
        return nil
    }
}
#endif
