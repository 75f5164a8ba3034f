import Foundation
import NIOCore
import SQLiteNIO

/// The shop's orders: each order's contents and where its payment and subscription stand. In memory (tests, a
/// demo that may forget), or in an SQLite file (``sqlite(path:)``) that survives restarts and is shared by every
/// process of the shop opening it: each change is one transaction that reads the order and writes it back.
public actor OrderStore {
    private var orders: [String: Order] = [:]
    private let database: SQLiteConnection?
    /// Whether a statement or transaction of this store runs on `database` now, and who waits for it: one connection
    /// runs one at a time, so nothing of one call lands inside another call's transaction.
    private var inTransaction = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// An empty store in memory.
    public init() {
        database = nil
    }

    private init(database: SQLiteConnection) {
        self.database = database
    }

    /// Orders in the SQLite file at `path` (created, with its table, when missing).
    public static func sqlite(path: String) async throws -> OrderStore {
        let connection = try await SQLiteConnection.open(storage: .file(path: path))
        do {
            _ = try await connection.query("PRAGMA busy_timeout = 5000")
            try await switchToWAL(connection)
            _ = try await connection.query("CREATE TABLE IF NOT EXISTS shop_orders (id TEXT PRIMARY KEY, body BLOB NOT NULL)")
        } catch {
            try? await connection.close()
            throw error
        }
        return OrderStore(database: connection)
    }

    /// Switches the file to WAL mode. Processes switching a new file at once can be answered `busy` without the busy
    /// timeout (SQLite will not wait there, as two such waits could deadlock), so that answer is tried again for up
    /// to five seconds.
    private static func switchToWAL(_ connection: SQLiteConnection) async throws {
        let deadline = ContinuousClock.now + .seconds(5)
        while true {
            do {
                _ = try await connection.query("PRAGMA journal_mode = WAL")
                return
            } catch let error as SQLiteError where error.reason == .busy && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(10))
            }
        }
    }

    /// Closes the file, when there is one.
    public func close() async {
        try? await database?.close()
    }

    /// The order with `id`, if there is one.
    public func existing(_ id: String) async throws -> Order? {
        guard let database else { return orders[id] }
        await beginTurn()
        defer { endTurn() }
        return try await Self.read(id, database)
    }

    /// The order with `id`; an unknown id starts as `fallback`, so a shared link to a fresh order works.
    public func order(_ id: String, orElse fallback: Order) async throws -> Order {
        if let order = try await existing(id) { return order }
        _ = try await add(fallback)
        return try await existing(id) ?? fallback
    }

    /// Adds a new order; false when the id is taken.
    public func add(_ order: Order) async throws -> Bool {
        guard let database else {
            guard orders[order.id] == nil else { return false }
            orders[order.id] = order
            return true
        }
        await beginTurn()
        defer { endTurn() }
        let inserted = try await database.query(
            "INSERT INTO shop_orders (id, body) VALUES (?, ?) ON CONFLICT (id) DO NOTHING RETURNING id",
            [.text(order.id), .blob(ByteBuffer(bytes: try JSONEncoder().encode(order)))])
        return !inserted.isEmpty
    }

    /// Changes how many items the order holds (1 to 99), while it is payable and not a plan.
    public func setQuantity(_ id: String, _ quantity: Int) async throws {
        try await update(id) { order in
            guard order.isPayable, order.product != .plan else { return }
            order.quantity = min(max(quantity, 1), 99)
        }
    }

    /// Remembers the session the customer was sent to.
    public func sentToCheckout(_ id: String, session: String) async throws {
        try await update(id) { $0.checkoutSession = session }
    }

    /// Marks the order paid by `session`; an order keeps the first session that paid it.
    public func markPaid(_ id: String, session: String) async throws {
        try await update(id) { order in
            if order.status == .paid, order.paidSession != nil { return }
            order.status = .paid
            order.paidSession = session
        }
    }

    /// Marks the order's delayed payment by `session` as processing, unless it is paid already.
    public func markProcessing(_ id: String, session: String) async throws {
        try await update(id) { order in
            guard order.status != .paid else { return }
            order.status = .processing
            order.paidSession = session
        }
    }

    /// Marks the order's delayed payment as failed, unless another payment settled it.
    public func markPaymentFailed(_ id: String, session: String) async throws {
        try await update(id) { order in
            guard order.status != .paid || order.paidSession == session else { return }
            order.status = .paymentFailed
            order.paidSession = nil
        }
    }

    /// Records that the order was paid twice: `original` keeps it, `refunded` was given back.
    public func recordDuplicate(_ id: String, original: String, refunded: String) async throws {
        try await update(id) { order in
            order.status = .paid
            order.paidSession = original
            if !order.refundedSessions.contains(refunded) { order.refundedSessions.append(refunded) }
        }
    }

    /// Records the customer and subscription a plan's checkout made.
    public func recordSubscription(_ id: String, customer: String?, subscription: String?) async throws {
        try await update(id) { order in
            order.customer = customer ?? order.customer
            order.subscription = subscription ?? order.subscription
        }
    }

    /// Records a subscription's status as an event reported it; a canceled subscription stays canceled, whatever
    /// order later events arrive in. Its `customer` is kept too, so the order can open the billing portal even when
    /// this event arrives before the checkout's.
    public func updateSubscription(_ id: String, subscription: String, customer: String?, status: String?,
                                   cancelsAtPeriodEnd: Bool) async throws {
        try await update(id) { order in
            guard order.subscription == nil || order.subscription == subscription,
                  order.subscriptionStatus != "canceled" else { return }
            order.subscription = subscription
            order.customer = order.customer ?? customer
            order.subscriptionStatus = status ?? order.subscriptionStatus
            order.cancelsAtPeriodEnd = cancelsAtPeriodEnd
        }
    }

    /// Applies `change` to the order with `id`, if there is one: in memory, or in one transaction on the file.
    private func update(_ id: String, _ change: @Sendable (inout Order) -> Void) async throws {
        guard let database else {
            guard var current = orders[id] else { return }
            change(&current)
            orders[id] = current
            return
        }
        await beginTurn()
        defer { endTurn() }
        _ = try await database.query("BEGIN IMMEDIATE")
        do {
            if var current = try await Self.read(id, database) {
                change(&current)
                _ = try await database.query("UPDATE shop_orders SET body = ? WHERE id = ?",
                                             [.blob(ByteBuffer(bytes: try JSONEncoder().encode(current))), .text(id)])
            }
            _ = try await database.query("COMMIT")
        } catch {
            _ = try? await database.query("ROLLBACK")
            throw error
        }
    }

    private static func read(_ id: String, _ database: SQLiteConnection) async throws -> Order? {
        let rows = try await database.query("SELECT body FROM shop_orders WHERE id = ?", [.text(id)])
        guard let body = rows.first?.column("body")?.blob else { return nil }
        return try JSONDecoder().decode(Order.self, from: Data(buffer: body))
    }

    /// Waits until no other statement or transaction of this store runs on the connection.
    private func beginTurn() async {
        if !inTransaction {
            inTransaction = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Hands the connection to the next waiting call, or frees it.
    private func endTurn() {
        if waiting.isEmpty {
            inTransaction = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
