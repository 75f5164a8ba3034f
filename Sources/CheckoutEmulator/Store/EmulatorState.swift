import Foundation
import StripeCheckout

/// Everything the emulator remembers: sessions in creation order with their line items, the
/// prices it knows, refunds, and the stored answers of idempotent requests. Codable, so it can be saved
/// to a file and read back on the next start.
struct EmulatorState: Codable, Sendable {
    private(set) var sessions: [String: CheckoutSession] = [:]
    /// Session ids, oldest first.
    private(set) var sessionOrder: [String] = []
    var lineItems: [String: [Item]] = [:]
    var prices: [String: Price] = [:]
    var idempotency: [String: IdempotencyRecord] = [:]
    /// Refunds, oldest first.
    private(set) var refunds: [Refund] = []
    /// Sessions whose delayed payment failed; they stay `unpaid` and cannot be settled again.
    var failedAsyncPayments: Set<String> = []
    /// Where each session sits in `sessionOrder`; rebuilt after loading.
    private var positions: [String: Int] = [:]

    enum CodingKeys: String, CodingKey {
        case sessions, sessionOrder = "session_order", lineItems = "line_items", prices, idempotency, refunds
        case failedAsyncPayments = "failed_async_payments"
    }

    init() {}

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sessions = try container.decode([String: CheckoutSession].self, forKey: .sessions)
        sessionOrder = try container.decode([String].self, forKey: .sessionOrder).filter { sessions[$0] != nil }
        lineItems = try container.decode([String: [Item]].self, forKey: .lineItems)
        prices = try container.decode([String: Price].self, forKey: .prices)
        idempotency = try container.decode([String: IdempotencyRecord].self, forKey: .idempotency)
        // State files written before refunds existed have none.
        refunds = try container.decodeIfPresent([Refund].self, forKey: .refunds) ?? []
        failedAsyncPayments = try container.decodeIfPresent(Set<String>.self, forKey: .failedAsyncPayments) ?? []
        for (index, id) in sessionOrder.enumerated() { positions[id] = index }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sessions, forKey: .sessions)
        try container.encode(sessionOrder, forKey: .sessionOrder)
        try container.encode(lineItems, forKey: .lineItems)
        try container.encode(prices, forKey: .prices)
        try container.encode(idempotency, forKey: .idempotency)
        try container.encode(refunds, forKey: .refunds)
        try container.encode(failedAsyncPayments.sorted(), forKey: .failedAsyncPayments)
    }

    /// Adds a new session (newest) or replaces an existing one in place.
    mutating func store(_ session: CheckoutSession) {
        if sessions.updateValue(session, forKey: session.id) == nil {
            positions[session.id] = sessionOrder.count
            sessionOrder.append(session.id)
        }
    }

    /// Records a new refund (the newest).
    mutating func add(_ refund: Refund) {
        refunds.append(refund)
    }

    /// Refunds newest first.
    var refundsNewestFirst: [Refund] {
        refunds.reversed()
    }

    /// How much of `paymentIntent` has been refunded so far.
    func refundedAmount(of paymentIntent: String) -> Int {
        refunds.lazy.filter { $0.paymentIntent == paymentIntent }.reduce(0) { $0 + ($1.amount ?? 0) }
    }

    /// The position of a session in creation order.
    func position(of id: String) -> Int? {
        positions[id]
    }

    /// Sessions newest first, starting just before `position` (or at the newest).
    func newestFirst(before position: Int? = nil) -> some Sequence<CheckoutSession> {
        let end = min(position ?? sessionOrder.count, sessionOrder.count)
        return sessionOrder[..<end].reversed().lazy.compactMap { sessions[$0] }
    }

    /// Sessions oldest first, starting just after `position`.
    func oldestFirst(after position: Int) -> some Sequence<CheckoutSession> {
        let start = min(position + 1, sessionOrder.count)
        return sessionOrder[start...].lazy.compactMap { sessions[$0] }
    }
}

/// The answer stored for one idempotency key, with what is needed to tell a true replay from a
/// reuse of the key with other parameters.
struct IdempotencyRecord: Codable, Sendable, Hashable {
    var method: String
    var path: String
    /// The request's parameters in a canonical order.
    var fingerprint: String
    var status: Int
    var body: Data
    var created: Date
}
