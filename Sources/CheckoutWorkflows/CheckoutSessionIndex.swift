import Foundation
import StripeCheckout

/// One Checkout Session of an order, as an index remembers it: enough to find the order's sessions without
/// listing every session of the account. Stripe stays the authority: callers retrieve a session before
/// acting on what a row says.
public struct IndexedSession: Sendable, Hashable {
    /// The order the session pays for (its `client_reference_id`).
    public var order: OrderReference
    /// The session's id, `cs_…`.
    public var sessionID: String
    /// The cart the session charges for, as a digest of its line items, amounts, currency and mode; nil when unknown.
    public var cartFingerprint: String?
    /// `open`, `complete` or `expired`, as last seen.
    public var status: CheckoutSession.Status
    /// `paid`, `unpaid` or `no_payment_required`, as last seen.
    public var paymentStatus: CheckoutSession.PaymentStatus
    /// When Stripe created the session.
    public var created: Date
    /// When the session stops accepting payment.
    public var expiresAt: Date

    /// A row with every field given.
    public init(order: OrderReference, sessionID: String, cartFingerprint: String?, status: CheckoutSession.Status,
                paymentStatus: CheckoutSession.PaymentStatus, created: Date, expiresAt: Date) {
        self.order = order
        self.sessionID = sessionID
        self.cartFingerprint = cartFingerprint
        self.status = status
        self.paymentStatus = paymentStatus
        self.created = created
        self.expiresAt = expiresAt
    }
}

/// Remembers which Checkout Sessions belong to which order, since Stripe cannot list sessions by
/// `client_reference_id`. Rows only move forward: a session recorded as `complete` or `expired` is never
/// recorded as `open` again, and a `paid` one never goes back to `unpaid`, whatever order updates arrive in.
public protocol CheckoutSessionIndex: Sendable {
    /// Adds the row for `session.sessionID`, or moves an existing row forward to what `session` says.
    func record(_ session: IndexedSession) async throws
    /// The order's rows, newest first (then by greatest session id); empty when the index knows none.
    func sessions(for order: OrderReference) async throws -> [IndexedSession]
}

extension IndexedSession {
    /// This row moved forward by `newer`: status advances only from `open`, payment status only from `unpaid`,
    /// nothing goes back.
    func merged(with newer: IndexedSession) -> IndexedSession {
        var result = self
        if status == .open { result.status = newer.status }
        if paymentStatus == .unpaid { result.paymentStatus = newer.paymentStatus }
        if result.cartFingerprint == nil { result.cartFingerprint = newer.cartFingerprint }
        return result
    }
}

/// A ``CheckoutSessionIndex`` in memory: serves one process and tests; forgets on restart.
public actor InMemoryCheckoutSessionIndex: CheckoutSessionIndex {
    private var rows: [String: IndexedSession] = [:]

    /// An empty index.
    public init() {}

    public func record(_ session: IndexedSession) {
        rows[session.sessionID] = rows[session.sessionID].map { $0.merged(with: session) } ?? session
    }

    public func sessions(for order: OrderReference) -> [IndexedSession] {
        rows.values.filter { $0.order == order }.sorted {
            ($0.created, $0.sessionID) > ($1.created, $1.sessionID)
        }
    }
}
