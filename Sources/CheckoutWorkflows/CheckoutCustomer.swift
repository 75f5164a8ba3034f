/// Who pays, for ``CheckoutWorkflows/checkout(_:_:customer:options:)``: a customer Stripe already knows, by id, so the
/// payment (and a subscription) attaches to it and its email fills the page; or an email to prefill for a customer
/// Stripe does not know yet.
public enum CheckoutCustomer: Sendable, Hashable {
    /// A customer id (`cus_…`).
    case id(String)
    /// An email address to prefill on the checkout page.
    case email(String)
}
