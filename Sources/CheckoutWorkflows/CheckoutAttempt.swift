/// One deliberate try at paying for an order. Retrying the same attempt replays Stripe's first answer (same
/// `Idempotency-Key`); a new attempt number makes a new session.
public struct CheckoutAttempt: Sendable, Hashable, CustomStringConvertible {
    public let order: OrderReference
    /// Starts at 1; raise it when the customer deliberately starts over (e.g. after changing the cart).
    public let number: Int

    public init(order: OrderReference, number: Int = 1) {
        self.order = order
        self.number = number
    }

    /// The idempotency key for this attempt's create: stable for the same order and attempt, distinct otherwise.
    /// Stripe keeps keys for 24 hours and accepts at most 255 characters, which a 200-character reference fits.
    public var idempotencyKey: String { "checkout-session:\(order.value):\(number)" }

    public var description: String { "\(order) attempt \(number)" }
}
