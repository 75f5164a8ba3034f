#if SQLite
import CheckoutWorkflows
import Foundation
import SQLiteNIO

/// A ``ProcessedEventStore`` that survives restarts and is shared by every process opening the same file: one row
/// per webhook event id, so a delivery Stripe repeats, before or after a restart, runs the handler once.
///
/// A claim is a lease: a handler that dies mid-way (its process killed) leaves the row claimed until the lease runs
/// out, then the next delivery of the event claims it again. Make the lease longer than your slowest handler; while
/// it lasts, redeliveries are refused as in progress (``CheckoutWebhookHandler`` answers 500, so Stripe delivers
/// again later), and once the event is handled they are duplicates. Each step is one SQL statement, so concurrent claims from any number
/// of connections and processes see exactly one winner.
public final class SQLiteProcessedEventStore: ProcessedEventStore {
    /// How long a claim stays exclusive when its handler neither finishes nor fails.
    public let lease: Duration
    /// How long rows are kept before ``prune()`` removes them: longer than Stripe retries a delivery.
    public let retention: Duration
    private let database: SQLiteCheckoutDatabase
    private let claims = ClaimTokens()
    private var table: String { SQLiteCheckoutDatabase.processedEventsTable }

    /// Stripe retries a failed delivery for up to three days; a day more covers clock drift and late retries.
    public static let defaultRetention: Duration = .seconds(4 * 24 * 3_600)

    /// A store in `database`. `lease` defaults to five minutes.
    public init(database: SQLiteCheckoutDatabase, lease: Duration = .seconds(300),
                retention: Duration = SQLiteProcessedEventStore.defaultRetention) {
        self.database = database
        self.lease = lease
        self.retention = retention
    }

    /// Claims `eventID`: true when it was never seen, was released by a failed handler, or its last claim's lease
    /// ran out; false while another claim holds it or once it was handled.
    public func claim(_ eventID: String) async throws -> Bool {
        try await claimForHandling(eventID) == .claimed
    }

    /// Claims `eventID` as ``claim(_:)`` does; when another claim wins, reads the row to say whether the event was
    /// handled or is held by a live claim (in another process, perhaps one that died: its lease runs out).
    public func claimForHandling(_ eventID: String) async throws -> EventClaim {
        let token = UUID().uuidString
        let claim = try await databaseCall("claiming event \(eventID) in \(database.path)", input: eventID) { () -> EventClaim in
            let won = try await !database.rows("""
                INSERT INTO \(table) AS e (event_id, state, claim_token, first_seen_at, claimed_at, lease_until)
                VALUES (?1, 'claimed', ?2, \(sqlNow), \(sqlNow), \(sqlNow) + ?3)
                ON CONFLICT (event_id) DO UPDATE
                    SET state = 'claimed', claim_token = excluded.claim_token, attempts = e.attempts + 1,
                        claimed_at = excluded.claimed_at, lease_until = excluded.lease_until, finished_at = NULL
                    WHERE e.state = 'released' OR (e.state = 'claimed' AND e.lease_until <= excluded.claimed_at)
                RETURNING event_id
                """, [.text(eventID), .text(token), .float(lease.seconds)]).isEmpty
            if won { return .claimed }
            let states = try await database.rows("SELECT state FROM \(table) WHERE event_id = ?1", [.text(eventID)])
            return states.first?.column("state")?.string == "handled" ? .alreadyHandled : .inProgress
        }
        if claim == .claimed { claims.set(token, for: eventID) }
        return claim
    }

    /// Marks the event handled (kept, so redeliveries are duplicates) or released (the next delivery claims it).
    /// Repeating a call that failed records the same outcome again rather than failing. Throws
    /// ``SQLiteCheckoutError`` of kind `.claimLost` when this store holds no live claim on the event: it never
    /// claimed it, or the lease ran out and another delivery claimed it since.
    public func finish(_ eventID: String, handled: Bool) async throws {
        let operation = "recording event \(eventID) as \(handled ? "handled" : "released") in \(database.path)"
        guard let token = claims.token(for: eventID) else {
            throw SQLiteCheckoutError(.claimLost, operation: "\(operation): this store holds no claim on it", input: eventID)
        }
        let state = handled ? "handled" : "released"
        let updated = try await databaseCall(operation, input: eventID) { () -> Bool in
            try await !database.rows("""
                UPDATE \(table)
                SET state = ?1, finished_at = coalesce(finished_at, \(sqlNow)), lease_until = NULL
                WHERE event_id = ?2 AND claim_token = ?3 AND state IN ('claimed', ?1)
                RETURNING event_id
                """, [.text(state), .text(eventID), .text(token)]).isEmpty
        }
        claims.remove(eventID)
        guard updated else {
            throw SQLiteCheckoutError(
                .claimLost, operation: "\(operation): the claim's lease ran out and another delivery claimed it",
                input: eventID)
        }
    }

    /// Deletes rows first seen longer than ``retention`` ago, except claims whose lease still runs; returns how many
    /// went. Run it now and then (say hourly) from any one process or all of them.
    @discardableResult
    public func prune() async throws -> Int {
        try await databaseCall("pruning events older than \(retention) from \(database.path)") { () -> Int in
            try await database.rows("""
                DELETE FROM \(table)
                WHERE first_seen_at < \(sqlNow) - ?1 AND NOT (state = 'claimed' AND lease_until > \(sqlNow))
                RETURNING 1
                """, [.float(retention.seconds)]).count
        }
    }
}

/// The token of each claim this store holds, so a late `finish` cannot undo a newer claim made elsewhere.
private final class ClaimTokens: @unchecked Sendable {
    private let lock = NSLock()
    private var tokens: [String: String] = [:]

    func set(_ token: String, for eventID: String) { lock.withLock { tokens[eventID] = token } }
    func token(for eventID: String) -> String? { lock.withLock { tokens[eventID] } }
    func remove(_ eventID: String) { lock.withLock { _ = tokens.removeValue(forKey: eventID) } }
}
#endif
