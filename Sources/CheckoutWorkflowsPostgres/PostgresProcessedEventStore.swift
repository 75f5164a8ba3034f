#if PostgreSQL
import CheckoutWorkflows
import Foundation
import Logging
import PostgresNIO

/// A ``ProcessedEventStore`` every server of a shop shares: one row per webhook event id, so a delivery Stripe
/// repeats, to this server or another, runs the handler once.
///
/// A claim is a lease: a handler that dies mid-way (its process killed) leaves the row claimed until the lease
/// runs out, then the next delivery of the event claims it again. Make the lease longer than your slowest
/// handler; while it lasts, redeliveries are refused as in progress (``CheckoutWebhookHandler`` answers 500, so
/// Stripe delivers again later), and once the event is handled they are duplicates. Each step is one SQL statement, so concurrent
/// claims from any number of connections see exactly one winner.
public final class PostgresProcessedEventStore: ProcessedEventStore {
    /// How long a claim stays exclusive when its handler neither finishes nor fails.
    public let lease: Duration
    /// How long rows are kept before ``prune()`` removes them: longer than Stripe retries a delivery.
    public let retention: Duration
    private let client: PostgresClient
    private let table: String
    private let logger: Logger
    private let claims = ClaimTokens()

    /// Stripe retries a failed delivery for up to three days; a day more covers clock drift and late retries.
    public static let defaultRetention: Duration = .seconds(4 * 24 * 3_600)

    /// A store in `tables.processedEvents` on `client`'s database (run ``PostgresCheckoutTables/migrate(_:logger:)``
    /// first). `lease` defaults to five minutes.
    public init(client: PostgresClient, tables: PostgresCheckoutTables, lease: Duration = .seconds(300),
                retention: Duration = PostgresProcessedEventStore.defaultRetention, logger: Logger? = nil) {
        self.client = client
        self.table = tables.processedEvents
        self.lease = lease
        self.retention = retention
        self.logger = logger ?? .checkoutPostgresSilent
    }

    /// Claims `eventID`: true when it was never seen, was released by a failed handler, or its last claim's
    /// lease ran out; false while another claim holds it or once it was handled.
    public func claim(_ eventID: String) async throws -> Bool {
        try await claimForHandling(eventID) == .claimed
    }

    /// Claims `eventID` as ``claim(_:)`` does; when another claim wins, reads the row to say whether the event was
    /// handled or is held by a live claim (in another process, perhaps one that died: its lease runs out).
    public func claimForHandling(_ eventID: String) async throws -> EventClaim {
        let token = UUID()
        let claim = try await databaseCall("claiming event \(eventID) in \(table)", input: eventID) { () -> EventClaim in
            try await client.withOpenConnection { connection in
                let rows = try await connection.query("""
                    INSERT INTO \(unescaped: table) AS e (event_id, state, claim_token, claimed_at, lease_until)
                    VALUES (\(eventID), 'claimed', \(token), now(), now() + make_interval(secs => \(lease.seconds)))
                    ON CONFLICT (event_id) DO UPDATE
                        SET state = 'claimed', claim_token = excluded.claim_token, attempts = e.attempts + 1,
                            claimed_at = excluded.claimed_at, lease_until = excluded.lease_until, finished_at = NULL
                        WHERE e.state = 'released' OR (e.state = 'claimed' AND e.lease_until <= now())
                    RETURNING e.event_id
                    """, logger: logger)
                for try await _ in rows { return .claimed }
                let states = try await connection.query(
                    "SELECT state FROM \(unescaped: table) WHERE event_id = \(eventID)", logger: logger)
                for try await state in states.decode(String.self) where state == "handled" { return .alreadyHandled }
                return .inProgress
            }
        }
        if claim == .claimed { claims.set(token, for: eventID) }
        return claim
    }

    /// Marks the event handled (kept, so redeliveries are duplicates) or released (the next delivery claims it).
    /// Repeating a call that failed on the way back (the connection lost after the update) records the same
    /// outcome again rather than failing. Throws ``PostgresCheckoutError`` of kind `.claimLost` when this store holds no live claim on the event:
    /// it never claimed it, or the lease ran out and another delivery claimed it since.
    public func finish(_ eventID: String, handled: Bool) async throws {
        let operation = "recording event \(eventID) as \(handled ? "handled" : "released") in \(table)"
        guard let token = claims.token(for: eventID) else {
            throw PostgresCheckoutError(.claimLost, operation: "\(operation): this store holds no claim on it", input: eventID)
        }
        let state = handled ? "handled" : "released"
        let updated = try await databaseCall(operation, input: eventID) { () -> Bool in
            try await client.withOpenConnection { connection in
                let rows = try await connection.query("""
                    UPDATE \(unescaped: table)
                    SET state = \(state), finished_at = coalesce(finished_at, now()), lease_until = NULL
                    WHERE event_id = \(eventID) AND claim_token = \(token) AND state IN ('claimed', \(state))
                    RETURNING event_id
                    """, logger: logger)
                var updated = false
                for try await _ in rows { updated = true }
                return updated
            }
        }
        claims.remove(eventID)
        guard updated else {
            throw PostgresCheckoutError(
                .claimLost, operation: "\(operation): the claim's lease ran out and another delivery claimed it",
                input: eventID)
        }
    }

    /// Deletes rows first seen longer than ``retention`` ago, except claims whose lease still runs; returns how
    /// many went. Run it now and then (say hourly) from any one server or all of them.
    @discardableResult
    public func prune() async throws -> Int {
        try await databaseCall("pruning \(table) of events older than \(retention)") { () -> Int in
            try await client.withOpenConnection { connection in
                let rows = try await connection.query("""
                    WITH gone AS (
                        DELETE FROM \(unescaped: table)
                        WHERE first_seen_at < now() - make_interval(secs => \(retention.seconds))
                          AND NOT (state = 'claimed' AND lease_until > now())
                        RETURNING 1
                    )
                    SELECT count(*)::int8 FROM gone
                    """, logger: logger)
                var count = 0
                for try await value in rows.decode(Int.self) { count = value }
                return count
            }
        }
    }
}

extension Duration {
    /// The duration in seconds, with its fraction, as `make_interval(secs => …)` takes it.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

/// The token of each claim this store holds, so a late `finish` cannot undo a newer claim made elsewhere.
private final class ClaimTokens: @unchecked Sendable {
    private let lock = NSLock()
    private var tokens: [String: UUID] = [:]

    func set(_ token: UUID, for eventID: String) { lock.withLock { tokens[eventID] = token } }
    func token(for eventID: String) -> UUID? { lock.withLock { tokens[eventID] } }
    func remove(_ eventID: String) { lock.withLock { _ = tokens.removeValue(forKey: eventID) } }
}
#endif
