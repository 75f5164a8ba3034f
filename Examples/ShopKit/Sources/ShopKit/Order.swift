import Foundation

/// One order of the demo shop: what it holds, where its payment stands as the shop has heard of it, and for a
/// plan the subscription it started. Stripe stays the authority: checkout asks Stripe, and the shop follows
/// webhooks and checkout's answers.
public struct Order: Sendable, Codable, Equatable {
    /// Where an order's payment stands.
    public enum Status: String, Sendable, Codable {
        /// Not paid yet.
        case pending
        /// Paid with a delayed method that has not settled yet.
        case processing
        /// Paid (for a plan: subscribed).
        case paid
        /// A delayed payment failed; the customer may check out again.
        case paymentFailed = "payment_failed"
    }

    /// The order's id, as the customer's address names it (decoded).
    public var id: String
    /// What the order buys.
    public var product: ShopProduct
    /// The product's name.
    public var item: String
    /// What one unit costs, in cents.
    public var unitAmount: Int
    /// How many units (always 1 for a plan).
    public var quantity: Int
    /// Where its payment stands.
    public var status: Status
    /// An email to prefill on the checkout page, when the customer gave one.
    public var email: String?
    /// The session the customer was last sent to.
    public var checkoutSession: String?
    /// The session that paid the order.
    public var paidSession: String?
    /// Sessions that paid the order a second time and were refunded.
    public var refundedSessions: [String]
    /// The customer Stripe made or used for a plan (`cus_…`), whose portal manages the subscription.
    public var customer: String?
    /// The subscription a plan started (`sub_…`).
    public var subscription: String?
    /// The subscription's last known status (`active`, `past_due`, `canceled`, …).
    public var subscriptionStatus: String?
    /// Whether the subscription ends when the paid period does.
    public var cancelsAtPeriodEnd: Bool

    /// The amount the order charges, in cents (for a plan, each month).
    public var total: Int { unitAmount * quantity }

    /// Whether the customer may still change the order and pay it.
    public var isPayable: Bool { status == .pending || status == .paymentFailed }

    /// A new, unpaid order of `quantity` units of `product` at `unitAmount`.
    public init(id: String, product: ShopProduct, unitAmount: Int, quantity: Int, email: String? = nil) {
        self.id = id
        self.product = product
        self.item = product.name
        self.unitAmount = unitAmount
        self.quantity = product == .plan ? 1 : quantity
        self.status = .pending
        self.email = email
        self.refundedSessions = []
        self.cancelsAtPeriodEnd = false
    }
}
