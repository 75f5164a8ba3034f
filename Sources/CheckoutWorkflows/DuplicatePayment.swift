import StripeCheckout

/// Two complete Checkout Sessions for one order: the customer paid twice (two tabs, or two servers racing
/// without a shared lock). Give the second payment back with ``CheckoutWorkflows/refundDuplicatePayment(_:options:)``.
public struct DuplicatePayment: Sendable {
    /// The order paid twice.
    public let order: OrderReference
    /// The session that pays for the order: the oldest complete one, the same on every server.
    public let original: CheckoutSession
    /// Another complete session of the order: the payment to give back.
    public let duplicate: CheckoutSession

    /// A duplicate payment of `order`.
    public init(order: OrderReference, original: CheckoutSession, duplicate: CheckoutSession) {
        self.order = order
        self.original = original
        self.duplicate = duplicate
    }

    /// The key under which a ``ProcessedEventStore`` remembers that this duplicate was reported, so it is
    /// reported once whichever event or server finds it.
    var claimKey: String { "duplicate-payment:\(duplicate.id)" }
}
