#if PostgreSQL
import CheckoutWorkflows
import Foundation
import Logging
import PostgresNIO
import StripeCheckout

/// A ``CheckoutSessionIndex`` every server of a shop shares: one row per Checkout Session in
/// `tables.checkoutSessions`, found by order reference through an index, newest first.
///
/// Rows only move forward, enforced by the single upsert that records them: a status leaves `open` once and
/// never returns, a payment status leaves `unpaid` once, and a known cart fingerprint is never replaced, so
/// updates arriving late or out of order from any server never undo a newer one.
public struct PostgresCheckoutSessionIndex: CheckoutSessionIndex {
    private let client: PostgresClient
    private let table: String
    private let logger: Logger

    /// An index in `tables.checkoutSessions` on `client`'s database (run
    /// ``PostgresCheckoutTables/migrate(_:logger:)`` first).
    public init(client: PostgresClient, tables: PostgresCheckoutTables, logger: Logger? = nil) {
        self.client = client
        self.table = tables.checkoutSessions
        self.logger = logger ?? .checkoutPostgresSilent
    }

    public func record(_ session: IndexedSession) async throws {
        try await databaseCall("recording session \(session.sessionID) of \(session.order) in \(table)", input: session.sessionID) {
            try await client.withOpenConnection { connection in
                try await connection.query("""
                    INSERT INTO \(unescaped: table) AS s
                        (session_id, order_reference, cart_fingerprint, status, payment_status, created, expires_at)
                    VALUES (\(session.sessionID), \(session.order.value), \(session.cartFingerprint),
                            \(session.status.rawValue), \(session.paymentStatus.rawValue), \(session.created), \(session.expiresAt))
                    ON CONFLICT (session_id) DO UPDATE SET
                        status = CASE WHEN s.status = 'open' THEN excluded.status ELSE s.status END,
                        payment_status = CASE WHEN s.payment_status = 'unpaid' THEN excluded.payment_status ELSE s.payment_status END,
                        cart_fingerprint = coalesce(s.cart_fingerprint, excluded.cart_fingerprint),
                        updated_at = now()
                    """, logger: logger).drain()
            }
        }
    }

    public func sessions(for order: OrderReference) async throws -> [IndexedSession] {
        try await databaseCall("listing the sessions of \(order) in \(table)", input: order.value) { () -> [IndexedSession] in
            try await client.withOpenConnection { connection in
                let rows = try await connection.query("""
                    SELECT session_id, cart_fingerprint, status, payment_status, created, expires_at
                    FROM \(unescaped: table)
                    WHERE order_reference = \(order.value)
                    ORDER BY created DESC, session_id COLLATE "C" DESC
                    """, logger: logger)
                var sessions: [IndexedSession] = []
                for try await (id, fingerprint, status, paymentStatus, created, expiresAt)
                    in rows.decode((String, String?, String, String, Date, Date).self) {
                    sessions.append(IndexedSession(
                        order: order, sessionID: id, cartFingerprint: fingerprint,
                        status: CheckoutSession.Status(rawValue: status),
                        paymentStatus: CheckoutSession.PaymentStatus(rawValue: paymentStatus),
                        created: created, expiresAt: expiresAt))
                }
                return sessions
            }
        }
    }
}
#endif
