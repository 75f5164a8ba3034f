/// The shop's orders, in memory: what each holds, and where its payment stands as the shop has heard of it.
/// Stripe stays the authority: checkout asks Stripe, and this store follows webhooks and checkout answers.
public actor OrderStore {
    /// Where an order's payment stands.
    public enum Status: String, Sendable, Codable {
        /// Not paid yet.
        case pending
        /// Paid with a delayed method that has not settled yet.
        case processing
        /// Paid.
        case paid
        /// A delayed payment failed; the customer may check out again.
        case paymentFailed = "payment_failed"
    }

    /// One order of the demo shop.
    public struct Order: Sendable, Codable, Equatable {
        public var id: String
        public var item: String
        public var unitAmount: Int
        public var quantity: Int
        public var status: Status
        /// The session the customer was last sent to.
        public var checkoutSession: String?
        /// The session that paid the order.
        public var paidSession: String?
        /// Sessions that paid the order a second time and were refunded.
        public var refundedSessions: [String]

        /// The amount the order charges, in cents.
        public var total: Int { unitAmount * quantity }
    }

    private var orders: [String: Order] = [:]

    /// An empty store; orders appear on first look.
    public init() {}

    /// The order with `id`; unknown ids start as a pending order for two demo mugs.
    public func order(_ id: String) -> Order {
        if let order = orders[id] { return order }
        let order = Order(id: id, item: "Demo mug", unitAmount: 1_500, quantity: 2, status: .pending,
                          checkoutSession: nil, paidSession: nil, refundedSessions: [])
        orders[id] = order
        return order
    }

    /// Remembers the session the customer was sent to.
    public func sentToCheckout(_ id: String, session: String) {
        update(id) { $0.checkoutSession = session }
    }

    /// Marks the order paid by `session`; an order keeps the first session that paid it.
    public func markPaid(_ id: String, session: String) {
        update(id) { order in
            if order.status == .paid, order.paidSession != nil { return }
            order.status = .paid
            order.paidSession = session
        }
    }

    /// Marks the order's delayed payment by `session` as processing, unless it is paid already.
    public func markProcessing(_ id: String, session: String) {
        update(id) { order in
            guard order.status != .paid else { return }
            order.status = .processing
            order.paidSession = session
        }
    }

    /// Marks the order's delayed payment as failed, unless another payment settled it.
    public func markPaymentFailed(_ id: String, session: String) {
        update(id) { order in
            guard order.status != .paid || order.paidSession == session else { return }
            order.status = .paymentFailed
            order.paidSession = nil
        }
    }

    /// Records that the order was paid twice: `original` keeps it, `refunded` was given back.
    public func recordDuplicate(_ id: String, original: String, refunded: String) {
        update(id) { order in
            order.status = .paid
            order.paidSession = original
            if !order.refundedSessions.contains(refunded) { order.refundedSessions.append(refunded) }
        }
    }

    private func update(_ id: String, _ change: (inout Order) -> Void) {
        var current = order(id)
        change(&current)
        orders[id] = current
    }
}
