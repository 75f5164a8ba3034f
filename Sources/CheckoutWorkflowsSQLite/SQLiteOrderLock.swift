#if SQLite
import CheckoutWorkflows
import Foundation
import Logging
import SQLiteNIO

/// An ``OrderLock`` shared by every process on the host that opens the same database file (several workers behind
/// one proxy): calls for the same order from any of them run one at a time, in the order they asked.
///
/// Each call queues a row (a ticket) in the locks table and holds the lock while its ticket is the oldest live one
/// for the order, polling with backoff until then. A ticket is a lease, renewed while its call waits or works, so a
/// crashed process's ticket stops counting when its lease runs out. The lock is released on every path: the row is
/// deleted after the work returns or throws, and when the wait or the work is cancelled, before the call returns.
/// When a renewal finds the lease lost (the process stalled for longer than the lease), the work is cancelled and
/// the call throws ``SQLiteCheckoutError`` of kind `.lockLost`, since another process may hold the lock from then on.
public struct SQLiteOrderLock: OrderLock {
    /// How long a ticket counts without being renewed: how long a crashed holder keeps its order locked.
    public let lease: Duration
    /// The longest pause between two looks at the queue while waiting.
    public let maximumPoll: Duration
    private let database: SQLiteCheckoutDatabase
    private let holder: String
    private var table: String { SQLiteCheckoutDatabase.orderLocksTable }

    /// A lock in `database`. A live call renews its ticket every third of `lease`; `maximumPoll` bounds how late a
    /// waiter notices that its turn came.
    public init(database: SQLiteCheckoutDatabase, lease: Duration = .seconds(15), maximumPoll: Duration = .milliseconds(25)) {
        self.database = database
        self.lease = max(lease, .milliseconds(30))
        self.maximumPoll = max(maximumPoll, .milliseconds(1))
        self.holder = "process \(ProcessInfo.processInfo.processIdentifier)"
    }

    public func withLock<T: Sendable>(
        _ order: OrderReference, _ body: @Sendable () async throws -> T
    ) async throws -> T {
        try Task.checkCancellation()
        var ticket = try await enqueue(order)
        do {
            try await waitForTurn(&ticket, order)
            try Task.checkCancellation()
        } catch {
            await leave(ticket, order)
            throw error
        }
        let outcome = await runWhileHeld(ticket, body)
        await leave(ticket, order)
        switch outcome {
        case .finished(let result):
            return try result.get()
        case .leaseLost:
            throw SQLiteCheckoutError(
                .lockLost,
                operation: "holding the lock of \(order) in \(database.path): its lease of \(lease) could not be renewed while the work ran",
                input: order.value)
        }
    }

    /// Adds this call's ticket at the end of the order's queue.
    private func enqueue(_ order: OrderReference) async throws -> Int {
        try await databaseCall("queueing for the lock of \(order) in \(database.path)", input: order.value) { () -> Int in
            let rows = try await database.rows("""
                INSERT INTO \(table) (order_reference, holder, queued_at, lease_until)
                VALUES (?1, ?2, \(sqlNow), \(sqlNow) + ?3)
                RETURNING ticket
                """, [.text(order.value), .text(holder), .float(lease.seconds)])
            guard let ticket = rows.first?.column("ticket")?.integer else {
                throw SQLiteCheckoutError(.database, operation: "queueing for the lock of \(order) in \(database.path): no ticket came back",
                                          input: order.value)
            }
            return ticket
        }
    }

    /// Returns once `ticket` is the oldest live ticket of the order and its lease was renewed for the work. A ticket
    /// that lapsed while waiting (the process stalled past its lease) is replaced by a new one at the end of the queue.
    private func waitForTurn(_ ticket: inout Int, _ order: OrderReference) async throws {
        let context = "waiting for the lock of \(order) in \(database.path)"
        var pause = Duration.milliseconds(1)
        var renewed = ContinuousClock.now
        while true {
            let rows = try await databaseCall(context, input: order.value) {
                try await database.rows("""
                    SELECT (SELECT lease_until > \(sqlNow) FROM \(table) WHERE ticket = ?2) AS live,
                           NOT EXISTS (SELECT 1 FROM \(table)
                                       WHERE order_reference = ?1 AND ticket < ?2 AND lease_until > \(sqlNow)) AS first
                    """, [.text(order.value), .integer(ticket)])
            }
            let live = rows.first?.column("live")?.integer == 1
            var lapsed = !live
            if live, rows.first?.column("first")?.integer == 1 {
                if try await renew(ticket, taking: true) { return }
                lapsed = true
            } else if live, ContinuousClock.now - renewed >= lease / 3 {
                let sent = ContinuousClock.now
                if try await renew(ticket, taking: false) { renewed = sent } else { lapsed = true }
            }
            if lapsed {
                await leave(ticket, order)
                ticket = try await enqueue(order)
                renewed = .now
                pause = .milliseconds(1)
                continue
            }
            try await Task.sleep(for: pause * Double.random(in: 0.75...1.25))
            pause = min(pause * 2, maximumPoll)
        }
    }

    /// Extends the lease of `ticket` by ``lease`` from now, unless it already ran out (a lapsed ticket never comes
    /// back, so a process that stalled cannot take back a lock another process took since). True when renewed.
    private func renew(_ ticket: Int, taking: Bool) async throws -> Bool {
        try await databaseCall("renewing lock ticket \(ticket) in \(database.path)") {
            try await database.rows("""
                UPDATE \(table)
                SET lease_until = \(sqlNow) + ?2, acquired_at = CASE WHEN ?3 THEN \(sqlNow) ELSE acquired_at END
                WHERE ticket = ?1 AND lease_until > \(sqlNow)
                RETURNING ticket
                """, [.integer(ticket), .float(lease.seconds), .integer(taking ? 1 : 0)]).isEmpty == false
        }
    }

    /// Deletes `ticket` (and every ticket whose lease ran out, left by crashed processes), whatever happened before;
    /// waits for the delete even when the task is cancelled. Should it fail, the ticket stops counting when its lease
    /// runs out.
    private func leave(_ ticket: Int, _ order: OrderReference) async {
        do {
            _ = try await database.rows("""
                DELETE FROM \(table) WHERE ticket = ?1 OR lease_until <= \(sqlNow)
                """, [.integer(ticket)])
        } catch {
            database.logger.warning("could not release the lock of \(order) (ticket \(ticket)) in \(database.path); it frees itself within \(lease)", metadata: [
                "error": "\(error)",
            ])
        }
    }

    /// What became of the locked work.
    private enum Outcome<T: Sendable>: Sendable {
        case finished(Result<T, any Error>)
        case leaseLost
    }

    /// Runs `body` while renewing the ticket every third of the lease; cancels `body` when a renewal finds the lease
    /// gone, or when none succeeded for a whole lease.
    private func runWhileHeld<T: Sendable>(_ ticket: Int, _ body: @Sendable () async throws -> T) async -> Outcome<T> {
        // The group waits for both children before returning, so `body` never outlives this call.
        await withoutActuallyEscaping(body) { body in
            await withTaskGroup(of: Outcome<T>?.self) { group in
                group.addTask {
                    do { return .finished(.success(try await body())) } catch { return .finished(.failure(error)) }
                }
                group.addTask { await keepRenewing(ticket) ? .leaseLost : nil }
                var outcome: Outcome<T>?
                for await next in group {
                    guard let next else { continue }
                    if outcome == nil { outcome = next }
                    group.cancelAll()
                }
                return outcome ?? .leaseLost
            }
        }
    }

    /// Renews `ticket` until cancelled (false) or until the lease is lost (true).
    private func keepRenewing(_ ticket: Int) async -> Bool {
        var renewed = ContinuousClock.now
        while true {
            do { try await Task.sleep(for: lease / 3) } catch { return false }
            let sent = ContinuousClock.now
            do {
                guard try await renew(ticket, taking: false) else { return true }
                renewed = sent
            } catch {
                if Task.isCancelled { return false }
                if ContinuousClock.now - renewed >= lease { return true }
            }
        }
    }
}
#endif
