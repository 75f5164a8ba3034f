/// The shop's orders, in memory: what each costs, whether it is paid, and how many checkout attempts it had.
public actor OrderStore {
    /// Where an order stands.
    public enum Status: String, Sendable, Codable {
        case pending, paid
    }

    /// One order of the demo shop.
    public struct Order: Sendable, Codable, Equatable {
        public var id: String
        public var item: String
        public var unitAmount: Int
        public var quantity: Int
        public var status: Status
        public var checkoutAttempts: Int
        public var paidSession: String?
    }

    private var orders: [String: Order] = [:]

    public init() {}

    /// The order with `id`; unknown ids start as a pending order for two demo mugs.
    public func order(_ id: String) -> Order {
        if let order = orders[id] { return order }
        let order = Order(id: id, item: "Demo mug", unitAmount: 1_500, quantity: 2, status: .pending,
                          checkoutAttempts: 0, paidSession: nil)
        orders[id] = order
        return order
    }

    /// Counts a new checkout attempt and returns its number.
    public func nextAttempt(_ id: String) -> Int {
        var current = order(id)
        current.checkoutAttempts += 1
        orders[id] = current
        return current.checkoutAttempts
    }

    /// Marks the order paid by `session`.
    public func markPaid(_ id: String, session: String) {
        var current = order(id)
        current.status = .paid
        current.paidSession = session
        orders[id] = current
    }
}
