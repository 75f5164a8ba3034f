import Foundation
import StripeCheckout
import StripeRuntime

/// Checkout done right on top of the generated API: one call decides, per order, whether to send the customer
/// to a session (reusing the one made for the same cart), or that the order is paid or its payment is
/// processing; finding sessions by `client_reference_id` (which Stripe cannot filter by); refunding a payment
/// made twice.
public struct CheckoutWorkflows: Sendable {
    /// The client the workflows call Stripe with.
    public let stripe: StripeClient
    /// Serialises the calls for one order; shared by every server of the shop when it is a shared lock.
    public let lock: any OrderLock
    /// Where the order's sessions are remembered, so finding them needs no scan of every session; nil to scan.
    public let index: (any CheckoutSessionIndex)?

    /// Workflows calling Stripe through `stripe`, serialising each order's calls through `lock` and, when given,
    /// remembering each order's sessions in `index`.
    public init(stripe: StripeClient, lock: any OrderLock = InProcessOrderLock(),
                index: (any CheckoutSessionIndex)? = nil) {
        self.stripe = stripe
        self.lock = lock
        self.index = index
    }

    /// An open session with less time left than this is not offered again; a new one replaces it.
    public static let minimumTimeLeftToReuse: TimeInterval = 10 * 60

    /// Decides what a customer who wants to pay for `order` gets, and makes sure no order is charged twice by
    /// this call:
    /// - a complete session of the order on Stripe means ``CheckoutDecision/alreadyPaid(_:)`` (or
    ///   ``CheckoutDecision/paymentProcessing(_:)`` while a delayed payment settles), and every session of the
    ///   order still open is expired; nothing is created. A session whose delayed payment failed (its payment
    ///   intent back to `requires_payment_method`) does not count: the order can be paid again;
    /// - else the open session made for the same cart (``CartFingerprint``, kept in its metadata) is reused, so
    ///   refreshes, double clicks and second tabs land on one session; the order's other open sessions are expired;
    /// - else (a new or changed cart) the order's open sessions are expired first, then one session is created
    ///   with an `Idempotency-Key` made of the order, the cart and the number of sessions the order has, so a
    ///   retried or racing identical request replays it instead of making another.
    ///
    /// `params.clientReferenceID` is set to the order, and the cart's fingerprint is added to the metadata. A
    /// `customer` sets `params.customer` (an id) or `params.customerEmail` (an email to prefill); the same call serves
    /// `payment` and `subscription` mode.
    ///
    /// Guarantee: calls sharing the ``lock`` run one at a time per order. When the call returns
    /// ``CheckoutDecision/pay(_:)``, Stripe showed every other session of the order expired and none complete
    /// at the call's last look, which is after the returned session was made or confirmed open: a session that
    /// completed while the call ran is found, the session this call made is expired, and the answer is
    /// ``CheckoutDecision/alreadyPaid(_:)``. What remains possible: a customer who already had an open session's
    /// page in front of them before it was expired may still pay it in the instant before the expiry reaches
    /// Stripe, and calls that do not share a lock (two servers with in-process locks) can race. Both end as two
    /// complete sessions, which ``CheckoutWebhookHandler/onDuplicatePayment(_:)`` reports for a refund.
    public func checkout(
        _ order: OrderReference, _ params: CheckoutSessionsAPI.CreateParams, customer: CheckoutCustomer? = nil,
        options: RequestOptions = RequestOptions()
    ) async throws -> CheckoutDecision {
        try await stripe.configuration.telemetry.withSpan("checkout_workflows.checkout") { span in
            span?.attributes["checkout.order"] = order.value
            let decision = try await decide(order, params, customer: customer, options: options)
            span?.attributes["checkout.decision"] = decision.telemetryName
            return decision
        }
    }

    /// The body of ``checkout(_:_:customer:options:)``, inside its span.
    private func decide(
        _ order: OrderReference, _ params: CheckoutSessionsAPI.CreateParams, customer: CheckoutCustomer?,
        options: RequestOptions
    ) async throws -> CheckoutDecision {
        let params = Self.params(params, for: customer)
        let cart = try CartFingerprint(params)
        return try await lock.withLock(order) {
            let all = try await currentSessions(of: order, options: options)
            // A session whose delayed payment failed pays nothing: the order may be paid again.
            let known = try await withoutFailedPayments(all, options: options)
            if let paying = Self.payingSession(in: known) {
                try await expireOpen(known, keeping: nil, options: options)
                return .settled(by: paying)
            }
            let reusable = known.first { session in
                session.status == .open && CartFingerprint(recordedIn: session) == cart
                    && (session.expiresAt?.timeIntervalSinceNow ?? 0) >= Self.minimumTimeLeftToReuse
            }
            if let paid = try await expireOpen(known, keeping: reusable?.id, options: options) {
                return .settled(by: paid)
            }
            if let reusable {
                let current = try await retrieve(reusable.id, options: options)
                switch current.status {
                case .open?: return .pay(current)
                case .complete?: return .settled(by: current)
                default: break  // expired meanwhile: make a new one below
                }
            }
            return try await createSession(for: order, cart: cart, params, sessionNumber: all.count + 1,
                                           options: options)
        }
    }

    /// Creates the order's session for `cart`, then looks once more: if another session of the order completed
    /// meanwhile, the new one is expired and the order is paid. The first look saw every session of the order and
    /// none complete, so a session complete now was open during this call, hence created within Checkout's session
    /// lifetime: the second look lists only that `created` window (``recentSessions(of:options:)``).
    private func createSession(
        for order: OrderReference, cart: CartFingerprint, _ params: CheckoutSessionsAPI.CreateParams,
        sessionNumber: Int, options: RequestOptions
    ) async throws -> CheckoutDecision {
        var params = params
        params.clientReferenceID = order.value
        params.metadata = (params.metadata ?? [:]).merging([CartFingerprint.metadataKey: cart.value]) { _, new in new }
        var createOptions = options
        createOptions.idempotencyKey = IdempotencyKey.headerSafe(
            "checkout-session:\(order.value):\(cart.value):\(sessionNumber)")
        let created = try await stripe.checkout.sessions.create(params, options: createOptions)
        try await record(created, of: order)
        let after = try await withoutFailedPayments(
            try await recentSessions(of: order, options: options).filter { $0.id != created.id }, options: options)
        if let paying = Self.payingSession(in: after) {
            if let createdPaid = try await expireUnlessComplete(created.id, options: options) {
                return .settled(by: Self.payingSession(in: [createdPaid] + after) ?? paying)
            }
            return .settled(by: paying)
        }
        return .pay(created)
    }

    /// Expires every open session in `sessions` but `keeping`; returns a session found complete instead (the
    /// customer paid it while this call ran), after expiring the rest.
    @discardableResult
    private func expireOpen(
        _ sessions: [CheckoutSession], keeping: String?, options: RequestOptions
    ) async throws -> CheckoutSession? {
        var paid: CheckoutSession?
        for session in sessions where session.status == .open && session.id != keeping {
            if let completed = try await expireUnlessComplete(session.id, options: options) {
                paid = Self.payingSession(in: [completed] + [paid].compactMap { $0 })
            }
        }
        return paid
    }

    /// Expires a session; nil when it is now expired (by this call or a racer), the session when it turned
    /// out complete.
    func expireUnlessComplete(_ id: String, options: RequestOptions) async throws -> CheckoutSession? {
        var options = options
        options.idempotencyKey = nil
        do {
            let expired = try await stripe.checkout.sessions.expire(id, options: options)
            try await record(expired)
            return nil
        } catch let error as StripeError where error.kind == .api && error.httpStatus == 400 {
            let current = try await retrieve(id, options: options)
            try await record(current)
            switch current.status {
            case .complete?: return current
            case .open?: throw error
            default: return nil
            }
        }
    }

    /// `params` paid for by `customer`: its id as `customer`, or its email as `customer_email`.
    private static func params(_ params: CheckoutSessionsAPI.CreateParams,
                               for customer: CheckoutCustomer?) -> CheckoutSessionsAPI.CreateParams {
        var result = params
        switch customer {
        case .id(let id)?:
            result.customer = id
            result.customerEmail = nil
        case .email(let email)?:
            result.customerEmail = email
        case nil:
            break
        }
        return result
    }

    /// The session that pays for an order among `sessions`: the oldest complete one (then the smallest id), so
    /// every caller picks the same one when a payment was made twice.
    static func payingSession(in sessions: [CheckoutSession]) -> CheckoutSession? {
        sessions.filter { $0.status == .complete }.min { ($0.created, $0.id) < ($1.created, $1.id) }
    }
}
