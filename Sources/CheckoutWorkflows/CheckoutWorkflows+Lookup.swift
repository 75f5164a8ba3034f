import Foundation
import StripeCheckout
import StripeRuntime

/// Finding an order's sessions: Stripe cannot list sessions by `client_reference_id`, so the workflows ask
/// their index when they have one, and otherwise page through the account's sessions.
extension CheckoutWorkflows {
    /// The order's sessions as Stripe has them now, newest first. With an ``index`` that knows the order, each
    /// session it names is retrieved from Stripe (the authority on status); without one, or when the index has
    /// no row for the order, every session of the account is listed and matched by `client_reference_id`
    /// (Stripe has no narrower filter for it), and what is found is recorded in the index.
    public func currentSessions(
        of order: OrderReference, options: RequestOptions = RequestOptions()
    ) async throws -> [CheckoutSession] {
        if let index {
            let rows = try await index.sessions(for: order)
            if !rows.isEmpty {
                var sessions: [CheckoutSession] = []
                for row in rows {
                    let session = try await retrieve(row.sessionID, options: options)
                    try await index.record(IndexedSession(session, order: order))
                    sessions.append(session)
                }
                return sessions
            }
        }
        var found: [CheckoutSession] = []
        for try await session in sessions(for: order, options: options) {
            found.append(session)
            try await index?.record(IndexedSession(session, order: order))
        }
        return found
    }

    /// The order's open sessions as Stripe has them now, newest first. With an ``index`` that knows the order, its
    /// sessions are retrieved and the open ones kept; without one, only sessions Stripe lists as `status=open` and
    /// created within ``sessionLifetime`` (plus ``clockSkewAllowance``) are paged through, since no older session
    /// can still be open, and what is found is recorded in the index.
    public func openSessions(
        of order: OrderReference, options: RequestOptions = RequestOptions()
    ) async throws -> [CheckoutSession] {
        if let index, !(try await index.sessions(for: order)).isEmpty {
            return try await currentSessions(of: order, options: options).filter { $0.status == .open }
        }
        let filter = CheckoutSessionsAPI.ListParams(status: .open, created: Self.createdWindow(now: Date()))
        var found: [CheckoutSession] = []
        for try await session in sessions(for: order, filter: filter, options: options) where session.status == .open {
            found.append(session)
            try await index?.record(IndexedSession(session, order: order))
        }
        return found
    }

    /// The order's sessions created within ``sessionLifetime`` (plus ``clockSkewAllowance``) as Stripe has them
    /// now: every session that can have been open since a look at all of them. Through the ``index`` when it knows
    /// the order (as ``currentSessions(of:options:)``), else from the list narrowed to that `created` window.
    func recentSessions(of order: OrderReference, options: RequestOptions) async throws -> [CheckoutSession] {
        if let index, !(try await index.sessions(for: order)).isEmpty {
            return try await currentSessions(of: order, options: options)
        }
        let filter = CheckoutSessionsAPI.ListParams(created: Self.createdWindow(now: Date()))
        var found: [CheckoutSession] = []
        for try await session in sessions(for: order, filter: filter, options: options) {
            found.append(session)
            try await index?.record(IndexedSession(session, order: order))
        }
        return found
    }

    /// How long a Checkout session can stay open: Stripe expires each one at most 24 hours after creating it.
    public static let sessionLifetime: TimeInterval = 24 * 60 * 60

    /// How far this machine's clock may be behind or ahead of Stripe's; `created` windows are widened by it.
    public static let clockSkewAllowance: TimeInterval = 15 * 60

    /// `created[gte]` for sessions that may still be open at `now`.
    static func createdWindow(now: Date) -> CheckoutSessionsAPI.ListParams.Created {
        let start = now.timeIntervalSince1970 - sessionLifetime - clockSkewAllowance
        return .rangeQuerySpecs(.init(gte: Int(start.rounded(.down))))
    }

    /// The sessions whose `client_reference_id` is `order`, newest first, fetched lazily page by page.
    /// Stripe has no filter for the reference, so this pages through the list narrowed by `filter`
    /// (customer, payment intent, status, created, ...) and matches locally; stop iterating to stop fetching.
    public func sessions(
        for order: OrderReference, filter: CheckoutSessionsAPI.ListParams = CheckoutSessionsAPI.ListParams(),
        options: RequestOptions = RequestOptions()
    ) -> SessionsForReference {
        var params = filter
        if params.limit == nil { params.limit = 100 }
        return SessionsForReference(reference: order.value, sessions: stripe.checkout.sessions.list(params, options: options))
    }

    /// The newest session for `order`, or nil; stops fetching at the first match.
    public func firstSession(
        for order: OrderReference, filter: CheckoutSessionsAPI.ListParams = CheckoutSessionsAPI.ListParams(),
        options: RequestOptions = RequestOptions()
    ) async throws -> CheckoutSession? {
        for try await session in sessions(for: order, filter: filter, options: options) {
            return session
        }
        return nil
    }

    /// One session from Stripe.
    func retrieve(_ id: String, options: RequestOptions) async throws -> CheckoutSession {
        var options = options
        options.idempotencyKey = nil
        return try await stripe.checkout.sessions.retrieve(id, options: options)
    }

    /// Records `session` in the index, when there is one and the session names a valid order reference.
    func record(_ session: CheckoutSession, of order: OrderReference? = nil) async throws {
        guard let index else { return }
        guard let order = order ?? session.clientReferenceID.flatMap({ try? OrderReference($0) }) else { return }
        try await index.record(IndexedSession(session, order: order))
    }
}

extension IndexedSession {
    /// The row for `session` of `order`, as Stripe showed it. Fields the session lacks (an object of another API
    /// version) take the values that let later updates move the row forward: `open`, `unpaid`, and an expiry of its
    /// creation time, so the session is never taken for one with time left.
    public init(_ session: CheckoutSession, order: OrderReference) {
        self.init(order: order, sessionID: session.id, cartFingerprint: CartFingerprint(recordedIn: session)?.value,
                  status: session.status ?? .open, paymentStatus: session.paymentStatus ?? .unpaid,
                  created: session.created, expiresAt: session.expiresAt ?? session.created)
    }
}

/// Sessions whose `client_reference_id` matches, taken lazily from the full list.
public struct SessionsForReference: AsyncSequence, Sendable {
    public typealias Element = CheckoutSession

    let reference: String
    let sessions: AutoPagingSequence<CheckoutSession>

    public func makeAsyncIterator() -> Iterator {
        Iterator(reference: reference, base: sessions.makeAsyncIterator())
    }

    /// Pulls from the list until the next session with the reference.
    public struct Iterator: AsyncIteratorProtocol {
        let reference: String
        var base: AutoPagingSequence<CheckoutSession>.Iterator

        public mutating func next() async throws -> CheckoutSession? {
            while let session = try await base.next() {
                if session.clientReferenceID == reference { return session }
            }
            return nil
        }
    }
}
