#if Emulator
import Foundation
import StripeCheckout
import StripeRuntime

/// One object of the state as the state database stores it: its kind (the table it belongs to), its id, and its
/// JSON, or nil for one removed.
struct StateRow: Sendable, Equatable {
    var kind: String
    var id: String
    var body: Data?
}

/// The state as rows, one per object: what changed since the last write, everything (to migrate a JSON state
/// file), and the state rebuilt from rows in the order they were first written.
extension EmulatorState {
    /// What changed since the last call, as rows; new objects of a kind in the order they were made.
    mutating func takeChanges() throws -> [StateRow] {
        var rows: [StateRow] = []
        let encoder = JSONEncoder.emulator
        func add<Value: Encodable>(_ kind: String, _ changes: [(id: String, value: Value?)]) throws {
            for change in changes {
                rows.append(StateRow(kind: kind, id: change.id, body: try change.value.map { try encoder.encode($0) }))
            }
        }
        try add(Kind.sessions, sessions.takeChanges())
        try add(Kind.lineItems, lineItems.takeChanges())
        try add(Kind.prices, prices.takeChanges())
        try add(Kind.products, products.takeChanges())
        try add(Kind.customers, customers.takeChanges())
        try add(Kind.paymentIntents, paymentIntents.takeChanges())
        try add(Kind.subscriptions, subscriptions.takeChanges())
        try add(Kind.invoices, invoices.takeChanges())
        try add(Kind.portalSessions, portalSessions.takeChanges())
        try add(Kind.refunds, refunds.takeChanges())
        try add(Kind.events, events.takeChanges())
        try add(Kind.idempotency, idempotency.takeChanges())
        try add(Kind.subscriptionData, subscriptionData.takeChanges())
        try add(Kind.failedAsyncPayments, failedAsyncPayments.takeChanges())
        return rows
    }

    /// Forgets what changed without encoding it: a state with no database to write to keeps no list of changes.
    mutating func forgetChanges() {
        sessions.forgetChanges(); lineItems.forgetChanges(); prices.forgetChanges(); products.forgetChanges()
        customers.forgetChanges(); paymentIntents.forgetChanges(); subscriptions.forgetChanges()
        invoices.forgetChanges(); portalSessions.forgetChanges(); refunds.forgetChanges(); events.forgetChanges()
        idempotency.forgetChanges(); subscriptionData.forgetChanges(); failedAsyncPayments.forgetChanges()
    }

    /// Every object as a row, oldest first within each kind; what a migrated JSON state file becomes.
    var allRows: [StateRow] {
        get throws {
            var copy = self
            // A state read from JSON marks nothing changed; mark everything by storing it again.
            copy.markEverythingChanged()
            return try copy.takeChanges()
        }
    }

    /// The state `rows` hold, read in the order they were first written.
    init(rows: [StateRow]) throws {
        self.init()
        let decoder = JSONDecoder()
        for row in rows {
            guard let body = row.body else { continue }
            func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
                do {
                    return try decoder.decode(type, from: body)
                } catch {
                    throw StateDatabaseError("the \(row.kind) row \(row.id) does not decode: \(error)")
                }
            }
            switch row.kind {
            case Kind.sessions: sessions.store(try decode(CheckoutSession.self), id: row.id)
            case Kind.lineItems: lineItems[row.id] = try decode([Item].self)
            case Kind.prices: prices.store(try decode(Price.self), id: row.id)
            case Kind.products: products.store(try decode(JSONValue.self), id: row.id)
            case Kind.customers: customers.store(try decode(JSONValue.self), id: row.id)
            case Kind.paymentIntents: paymentIntents.store(try decode(JSONValue.self), id: row.id)
            case Kind.subscriptions: subscriptions.store(try decode(JSONValue.self), id: row.id)
            case Kind.invoices: invoices.store(try decode(JSONValue.self), id: row.id)
            case Kind.portalSessions: portalSessions.store(try decode(JSONValue.self), id: row.id)
            case Kind.refunds: refunds.store(try decode(Refund.self), id: row.id)
            case Kind.events: events.store(try decode(JSONValue.self), id: row.id)
            case Kind.idempotency: idempotency[row.id] = try decode(IdempotencyRecord.self)
            case Kind.subscriptionData: subscriptionData[row.id] = try decode(JSONValue.self)
            case Kind.failedAsyncPayments: failedAsyncPayments[row.id] = true
            default: throw StateDatabaseError("a row of an unknown kind \(row.kind) (id \(row.id))")
            }
        }
        _ = try takeChanges()  // what was read is what the database holds
    }

    private mutating func markEverythingChanged() {
        for (id, value) in sessions.all { sessions.store(value, id: id) }
        for (id, value) in lineItems.entries.sorted(by: { $0.key < $1.key }) { lineItems[id] = value }
        for (id, value) in prices.all { prices.store(value, id: id) }
        for (id, value) in products.all { products.store(value, id: id) }
        for (id, value) in customers.all { customers.store(value, id: id) }
        for (id, value) in paymentIntents.all { paymentIntents.store(value, id: id) }
        for (id, value) in subscriptions.all { subscriptions.store(value, id: id) }
        for (id, value) in invoices.all { invoices.store(value, id: id) }
        for (id, value) in portalSessions.all { portalSessions.store(value, id: id) }
        for (id, value) in refunds.all { refunds.store(value, id: id) }
        for (id, value) in events.all { events.store(value, id: id) }
        for (id, value) in idempotency.entries { idempotency[id] = value }
        for (id, value) in subscriptionData.entries { subscriptionData[id] = value }
        for (id, value) in failedAsyncPayments.entries { failedAsyncPayments[id] = value }
    }

    /// The kinds of rows, one per table of the state.
    enum Kind {
        static let sessions = "sessions", lineItems = "line_items", prices = "prices", products = "products"
        static let customers = "customers", paymentIntents = "payment_intents", subscriptions = "subscriptions"
        static let invoices = "invoices", portalSessions = "portal_sessions", refunds = "refunds", events = "events"
        static let idempotency = "idempotency", subscriptionData = "subscription_data"
        static let failedAsyncPayments = "failed_async_payments"
    }
}
#endif
