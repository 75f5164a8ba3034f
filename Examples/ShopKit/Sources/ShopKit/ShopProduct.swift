/// What the shop sells: a mug, paid once per order, and a plan, billed monthly. Each is one price on Stripe,
/// found by its lookup key, so the shop never hard-codes a price id.
public enum ShopProduct: String, Sendable, Codable, CaseIterable {
    /// A one-off purchase: any quantity from 1 to 99.
    case mug
    /// A monthly subscription: one per order.
    case plan

    /// The price's `lookup_key` on Stripe.
    public var lookupKey: String {
        switch self {
        case .mug: "demo_shop_mug"
        case .plan: "demo_shop_plan_monthly"
        }
    }

    /// The product's name, as the customer reads it.
    public var name: String {
        switch self {
        case .mug: "Demo mug"
        case .plan: "Demo plan"
        }
    }

    /// The amount the shop asks when it creates the price, in cents; the price on Stripe is the authority after.
    var defaultUnitAmount: Int {
        switch self {
        case .mug: 1_500
        case .plan: 900
        }
    }

    /// Whether the price bills every month rather than once.
    public var isMonthly: Bool { self == .plan }
}
