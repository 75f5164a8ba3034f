#if SQLite
import CheckoutWorkflows
import Foundation
import SQLiteNIO
import StripeCheckout

/// A ``CheckoutSessionIndex`` that survives restarts and is shared by every process opening the same file: one row
/// per Checkout Session, found by order reference through an index, newest first.
///
/// Rows only move forward, enforced by the single upsert that records them: a status leaves `open` once and never
/// returns, a payment status leaves `unpaid` once, and a known cart fingerprint is never replaced, so updates
/// arriving late or out of order never undo a newer one.
public struct SQLiteCheckoutSessionIndex: CheckoutSessionIndex {
    private let database: SQLiteCheckoutDatabase
    private var table: String { SQLiteCheckoutDatabase.checkoutSessionsTable }

    /// An index in `database`.
    public init(database: SQLiteCheckoutDatabase) {
        self.database = database
    }

    public func record(_ session: IndexedSession) async throws {
        try await databaseCall(
            "recording session \(session.sessionID) of \(session.order) in \(database.path)", input: session.sessionID
        ) {
            _ = try await database.rows("""
                INSERT INTO \(table) AS s
                    (session_id, order_reference, cart_fingerprint, status, payment_status, created, expires_at,
                     recorded_at, updated_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, \(sqlNow), \(sqlNow))
                ON CONFLICT (session_id) DO UPDATE SET
                    status = CASE WHEN s.status = 'open' THEN excluded.status ELSE s.status END,
                    payment_status = CASE WHEN s.payment_status = 'unpaid' THEN excluded.payment_status ELSE s.payment_status END,
                    cart_fingerprint = coalesce(s.cart_fingerprint, excluded.cart_fingerprint),
                    updated_at = excluded.updated_at
                """, [
                    .text(session.sessionID), .text(session.order.value), session.cartFingerprint.map { .text($0) } ?? .null,
                    .text(session.status.rawValue), .text(session.paymentStatus.rawValue),
                    .float(session.created.timeIntervalSince1970), .float(session.expiresAt.timeIntervalSince1970),
                ])
        }
    }

    public func sessions(for order: OrderReference) async throws -> [IndexedSession] {
        try await databaseCall("listing the sessions of \(order) in \(database.path)", input: order.value) {
            let rows = try await database.rows("""
                SELECT session_id, cart_fingerprint, status, payment_status, created, expires_at
                FROM \(table)
                WHERE order_reference = ?1
                ORDER BY created DESC, session_id DESC
                """, [.text(order.value)])
            return try rows.map { row in
                guard let id = row.column("session_id")?.string, let status = row.column("status")?.string,
                      let paymentStatus = row.column("payment_status")?.string,
                      let created = row.column("created")?.double, let expiresAt = row.column("expires_at")?.double
                else {
                    throw SQLiteCheckoutError(
                        .database, operation: "reading a session row of \(order) in \(database.path): a column is missing or null",
                        input: row.description)
                }
                return IndexedSession(
                    order: order, sessionID: id, cartFingerprint: row.column("cart_fingerprint")?.string,
                    status: CheckoutSession.Status(rawValue: status),
                    paymentStatus: CheckoutSession.PaymentStatus(rawValue: paymentStatus),
                    created: Date(timeIntervalSince1970: created), expiresAt: Date(timeIntervalSince1970: expiresAt))
            }
        }
    }
}
#endif
