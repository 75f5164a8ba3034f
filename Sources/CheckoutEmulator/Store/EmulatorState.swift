#if Emulator
import Foundation
import StripeCheckout
import StripeRuntime

/// Everything the emulator remembers: each kind of object in creation order (sessions with their line items, the
/// catalog, customers, payment intents, refunds, events), and the stored answers of idempotent requests. Codable,
/// so it can be saved to a file and read back on the next start.
struct EmulatorState: Codable, Sendable {
    var sessions = ObjectTable<CheckoutSession>()
    var lineItems = TrackedMap<[Item]>()
    var prices = ObjectTable<Price>()
    var products = ObjectTable<JSONValue>()
    var customers = ObjectTable<JSONValue>()
    var paymentIntents = ObjectTable<JSONValue>()
    var subscriptions = ObjectTable<JSONValue>()
    var invoices = ObjectTable<JSONValue>()
    var portalSessions = ObjectTable<JSONValue>()
    var refunds = ObjectTable<Refund>()
    /// Every event sent, oldest first, as `GET /v1/events` lists them.
    var events = ObjectTable<JSONValue>()
    var idempotency = TrackedMap<IdempotencyRecord>()
    /// What a subscription-mode session's `subscription_data` asked for (trial days, metadata, description), by
    /// session id, for the subscription it starts when paid.
    var subscriptionData = TrackedMap<JSONValue>()
    /// Sessions whose delayed payment failed (the value is always true); they stay `unpaid` and cannot be settled
    /// again.
    var failedAsyncPayments = TrackedMap<Bool>()

    enum CodingKeys: String, CodingKey {
        case sessions, lineItems = "line_items", prices, products, customers, idempotency, refunds, events
        case paymentIntents = "payment_intents", failedAsyncPayments = "failed_async_payments"
        case subscriptions, invoices, portalSessions = "portal_sessions", subscriptionData = "subscription_data"
        /// The session order of state files written before every kind had its own table.
        case legacySessionOrder = "session_order"
    }

    init() {}

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let order = try container.decodeIfPresent([String].self, forKey: .legacySessionOrder) {
            // Sessions as a map and an order, prices as a map, refunds as a list, as earlier versions wrote them.
            let sessions = try container.decode([String: CheckoutSession].self, forKey: .sessions)
            for id in order { if let session = sessions[id] { self.sessions.store(session, id: id) } }
            for (id, price) in try container.decode([String: Price].self, forKey: .prices).sorted(by: { $0.key < $1.key }) {
                prices.store(price, id: id)
            }
            for refund in try container.decodeIfPresent([Refund].self, forKey: .refunds) ?? [] { refunds.store(refund, id: refund.id) }
        } else {
            sessions = try container.decode(ObjectTable<CheckoutSession>.self, forKey: .sessions)
            prices = try container.decode(ObjectTable<Price>.self, forKey: .prices)
            refunds = try container.decode(ObjectTable<Refund>.self, forKey: .refunds)
            products = try container.decode(ObjectTable<JSONValue>.self, forKey: .products)
            customers = try container.decode(ObjectTable<JSONValue>.self, forKey: .customers)
            paymentIntents = try container.decode(ObjectTable<JSONValue>.self, forKey: .paymentIntents)
            events = try container.decode(ObjectTable<JSONValue>.self, forKey: .events)
            subscriptions = try container.decode(ObjectTable<JSONValue>.self, forKey: .subscriptions)
            invoices = try container.decode(ObjectTable<JSONValue>.self, forKey: .invoices)
            portalSessions = try container.decode(ObjectTable<JSONValue>.self, forKey: .portalSessions)
        }
        lineItems = try container.decode(TrackedMap<[Item]>.self, forKey: .lineItems)
        idempotency = try container.decode(TrackedMap<IdempotencyRecord>.self, forKey: .idempotency)
        let failed = try container.decodeIfPresent(Set<String>.self, forKey: .failedAsyncPayments) ?? []
        failedAsyncPayments = TrackedMap(Dictionary(uniqueKeysWithValues: failed.map { ($0, true) }))
        subscriptionData = try container.decodeIfPresent(TrackedMap<JSONValue>.self, forKey: .subscriptionData) ?? TrackedMap()
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sessions, forKey: .sessions)
        try container.encode(lineItems, forKey: .lineItems)
        try container.encode(prices, forKey: .prices)
        try container.encode(products, forKey: .products)
        try container.encode(customers, forKey: .customers)
        try container.encode(paymentIntents, forKey: .paymentIntents)
        try container.encode(refunds, forKey: .refunds)
        try container.encode(events, forKey: .events)
        try container.encode(subscriptions, forKey: .subscriptions)
        try container.encode(invoices, forKey: .invoices)
        try container.encode(portalSessions, forKey: .portalSessions)
        try container.encode(idempotency, forKey: .idempotency)
        try container.encode(failedAsyncPayments.entries.keys.sorted(), forKey: .failedAsyncPayments)
        try container.encode(subscriptionData, forKey: .subscriptionData)
    }

    /// Adds a new session (newest) or replaces an existing one in place.
    mutating func store(_ session: CheckoutSession) {
        sessions.store(session, id: session.id)
    }

    /// Adds a JSON object to `table` under its `id`.
    static func store(_ object: JSONObject, in table: inout ObjectTable<JSONValue>) {
        if let id = object["id"]?.stringValue { table.store(.object(object), id: id) }
    }

    /// How much of `paymentIntent` has been refunded so far.
    func refundedAmount(of paymentIntent: String) -> Int {
        refunds.newestFirst.lazy.filter { $0.paymentIntent?.id == paymentIntent }.reduce(0) { $0 + ($1.amount ?? 0) }
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
#endif
