/// A Stripe object that carries a stable `id`, such as a customer or a checkout session.
///
/// Expandable references and list pagination rely on it to name objects by their identifier.
public protocol StripeIdentifiable: Sendable {
    /// The object's identifier, for example `cs_test_123`.
    var id: String { get }
}
