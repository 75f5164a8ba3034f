/// The shop's orders, in memory: each order's contents and where its payment and subscription stand.
public actor OrderStore {
    private var orders: [String: Order] = [:]

    /// An empty store.
    public init() {}

    /// The order with `id`, if there is one.
    public func existing(_ id: String) -> Order? {
        orders[id]
    }

    /// The order with `id`; an unknown id starts as `fallback`, so a shared link to a fresh order works.
    public func order(_ id: String, orElse fallback: @autoclosure () -> Order) -> Order {
        if let order = orders[id] { return order }
        let order = fallback()
        orders[id] = order
        return order
    }

    /// Adds a new order; false when the id is taken.
    public func add(_ order: Order) -> Bool {
        guard orders[order.id] == nil else { return false }
        orders[order.id] = order
        return true
    }

    /// Changes how many items the order holds (1 to 99), while it is payable and not a plan.
    public func setQuantity(_ id: String, _ quantity: Int) {
        update(id) { order in
            guard order.isPayable, order.product != .plan else { return }
            order.quantity = min(max(quantity, 1), 99)
        }
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

    /// Records the customer and subscription a plan's checkout made.
    public func recordSubscription(_ id: String, customer: String?, subscription: String?) {
        update(id) { order in
            order.customer = customer ?? order.customer
            order.subscription = subscription ?? order.subscription
        }
    }

    /// Records a subscription's status as an event reported it; a canceled subscription stays canceled, whatever
    /// order later events arrive in.
    public func updateSubscription(_ id: String, subscription: String, status: String?, cancelsAtPeriodEnd: Bool) {
        update(id) { order in
            guard order.subscription == nil || order.subscription == subscription,
                  order.subscriptionStatus != "canceled" else { return }
            order.subscription = subscription
            order.subscriptionStatus = status ?? order.subscriptionStatus
            order.cancelsAtPeriodEnd = cancelsAtPeriodEnd
        }
    }

    private func update(_ id: String, _ change: (inout Order) -> Void) {
        guard var current = orders[id] else { return }
        change(&current)
        orders[id] = current
    }
}
