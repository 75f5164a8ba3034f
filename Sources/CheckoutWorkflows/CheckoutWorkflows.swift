import Foundation
import StripeCheckout
import StripeRuntime

/// Checkout done right on top of the generated API: idempotent creates per order attempt, finding sessions by
/// `client_reference_id` (which Stripe cannot filter by), and keeping one open session per order.
public struct CheckoutWorkflows: Sendable {
    /// The client the workflows call Stripe with.
    public let stripe: StripeClient
    /// Serialises the calls for one order; shared by every server of the shop when it is a shared lock.
    public let lock: any OrderLock

    /// Workflows calling Stripe through `stripe`, serialising each order's calls through `lock`.
    public init(stripe: StripeClient, lock: any OrderLock = InProcessOrderLock()) {
        self.stripe = stripe
        self.lock = lock
    }

    /// The metadata key that records which attempt made a session, so later attempts win over earlier ones.
    public static let attemptMetadataKey = "checkout_attempt"

    /// Creates a session for `attempt`: `client_reference_id` is the order's reference and the
    /// `Idempotency-Key` comes from the order and attempt, so a retried request replays the first answer
    /// instead of making a second session. `params.clientReferenceID` is overwritten, and the attempt number is
    /// added to the metadata under ``attemptMetadataKey``.
    public func createSession(
        for attempt: CheckoutAttempt, _ params: CheckoutSessionsAPI.CreateParams,
        options: RequestOptions = RequestOptions()
    ) async throws -> CheckoutSession {
        var params = params
        params.clientReferenceID = attempt.order.value
        params.metadata = (params.metadata ?? [:]).merging([Self.attemptMetadataKey: String(attempt.number)]) { _, new in new }
        var options = options
        options.idempotencyKey = attempt.idempotencyKey
        return try await stripe.checkout.sessions.create(params, options: options)
    }

    /// The sessions whose `client_reference_id` is `order`, newest first, fetched lazily page by page.
    /// Stripe has no filter for the reference, so this pages through the list narrowed by `filter`
    /// (customer, payment intent, ...) and matches locally; stop iterating to stop fetching.
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

    /// Makes `attempt`'s session the one open session of its order: creates it (idempotently), then expires
    /// every other open session for the reference and returns the survivor.
    ///
    /// Guarantees: calls in this process for the same order run one at a time. Across processes, racing calls
    /// converge: each keeps the open session of the highest attempt (then the newest, then the greatest id) and
    /// expires the rest, so once every call has returned at most one session is open, and every caller that swept
    /// last gets it. A caller
    /// that finished before a later racer started may hold a session the racer then expired; check the status
    /// before redirecting to an older result. Stripe has no transactions, so two sessions can be open for a
    /// moment while calls are in flight.
    public func replaceOpenSession(
        for attempt: CheckoutAttempt, _ params: CheckoutSessionsAPI.CreateParams,
        filter: CheckoutSessionsAPI.ListParams = CheckoutSessionsAPI.ListParams(),
        options: RequestOptions = RequestOptions()
    ) async throws -> CheckoutSession {
        try await lock.withLock(attempt.order) {
            let created = try await createSession(for: attempt, params, options: options)
            var open: [CheckoutSession] = []
            for try await session in sessions(for: attempt.order, filter: filter, options: options)
                where session.status == .open || session.id == created.id {
                open.append(session)
            }
            if !open.contains(where: { $0.id == created.id }) { open.append(created) }
            let survivor = open.max { Self.rank($0) < Self.rank($1) } ?? created
            for session in open where session.id != survivor.id && session.status == .open {
                try await expireIfOpen(session.id, options: options)
            }
            return survivor.id == created.id ? created : survivor
        }
    }

    /// The order in which sessions of one order replace each other: later attempt, then newer, then greater id.
    /// Every process computes the same ranking, so racing sweeps agree on the survivor.
    static func rank(_ session: CheckoutSession) -> (Int, Date, String) {
        (session.metadata?[attemptMetadataKey].flatMap { Int($0) } ?? 0, session.created, session.id)
    }

    /// Expires a session, treating "already not open" as done, since a racer may have expired it first.
    private func expireIfOpen(_ id: String, options: RequestOptions) async throws {
        var options = options
        options.idempotencyKey = nil
        do {
            _ = try await stripe.checkout.sessions.expire(id, options: options)
        } catch let error as StripeError where error.kind == .api && error.httpStatus == 400 {
            let current = try await stripe.checkout.sessions.retrieve(id, options: options)
            if current.status == .open { throw error }
        }
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
