import Foundation
import StripeCheckout
import StripeRuntime
import Tracing

/// Verifies, decodes, deduplicates and routes Checkout webhooks to your handlers, and says what HTTP status to
/// answer Stripe with: 2xx stops redelivery, anything else makes Stripe retry later.
///
/// Events arrive in the endpoint's API version, which may be newer than the bindings'. With the verifier's defaults
/// (any version, tolerant decoding) a session lacking a field the bindings' spec requires still reaches your handler,
/// with that field `nil` and named in `session.missingRequiredFields`; a session whose object does not decode at
/// all is acknowledged (200, ``WebhookOutcome/acknowledgedUndecodable(eventID:type:apiVersion:reason:)``) and
/// handed to ``onUndecodable(_:)``, rather than answered 500 until Stripe gives up. A verifier made strict with
/// `accepting(.exactly(version), requiredFields: .strict)` refuses other versions before decoding (`rejected`).
public struct CheckoutWebhookHandler: Sendable {
    /// What a handler receives: the session, and the order reference it carries.
    public typealias SessionHandler = @Sendable (_ session: CheckoutSession, _ reference: String?) async throws -> Void
    /// What a duplicate-payment handler receives.
    public typealias DuplicatePaymentHandler = @Sendable (_ payment: DuplicatePayment) async throws -> Void
    /// What an undecodable-event handler receives: the event (its object as JSON) and why it did not decode.
    public typealias UndecodableHandler = @Sendable (_ event: WebhookEvent, _ reason: String) async throws -> Void
    /// What a subscription handler receives: the subscription as the event carries it, and for an update the
    /// fields' earlier values (`status` was `trialing`, say).
    public typealias SubscriptionHandler = @Sendable (_ subscription: Subscription, _ previous: [String: JSONValue]?) async throws -> Void
    /// What an invoice handler receives: the invoice (a subscription's renewal, for a SaaS).
    public typealias InvoiceHandler = @Sendable (_ invoice: Invoice) async throws -> Void

    private let verifier: WebhookVerifier
    private let store: any ProcessedEventStore
    private let workflows: CheckoutWorkflows?
    private var completed: SessionHandler?
    private var expired: SessionHandler?
    private var asyncPaymentSucceeded: SessionHandler?
    private var asyncPaymentFailed: SessionHandler?
    private var duplicatePayment: DuplicatePaymentHandler?
    private var undecodable: UndecodableHandler?
    private var subscriptionCreated: SubscriptionHandler?
    private var subscriptionUpdated: SubscriptionHandler?
    private var subscriptionDeleted: SubscriptionHandler?
    private var invoicePaid: InvoiceHandler?
    private var invoicePaymentFailed: InvoiceHandler?
    /// Where deliveries' spans and metrics go: the workflows' client's, else the application's bootstrapped ones.
    package var telemetry: Telemetry

    /// A handler for events signed with `verifier`'s secret, deduplicated through `store`. Given the shop's
    /// `workflows`, it also keeps their session index current from every Checkout event, and can report
    /// double payments (``onDuplicatePayment(_:)``).
    public init(verifier: WebhookVerifier, store: any ProcessedEventStore = InMemoryProcessedEventStore(),
                workflows: CheckoutWorkflows? = nil) {
        self.verifier = verifier
        self.store = store
        self.workflows = workflows
        self.telemetry = workflows?.stripe.configuration.telemetry ?? Telemetry()
    }

    /// Runs `handler` for `checkout.session.completed`.
    public func onCompleted(_ handler: @escaping SessionHandler) -> Self { with { $0.completed = handler } }
    /// Runs `handler` for `checkout.session.expired`.
    public func onExpired(_ handler: @escaping SessionHandler) -> Self { with { $0.expired = handler } }
    /// Runs `handler` for `checkout.session.async_payment_succeeded`.
    public func onAsyncPaymentSucceeded(_ handler: @escaping SessionHandler) -> Self { with { $0.asyncPaymentSucceeded = handler } }
    /// Runs `handler` for `checkout.session.async_payment_failed`.
    public func onAsyncPaymentFailed(_ handler: @escaping SessionHandler) -> Self { with { $0.asyncPaymentFailed = handler } }

    /// Runs `handler` for `customer.subscription.created`: a subscription checkout was paid (or its trial began).
    public func onSubscriptionCreated(_ handler: @escaping SubscriptionHandler) -> Self { with { $0.subscriptionCreated = handler } }
    /// Runs `handler` for `customer.subscription.updated`: a renewal, a change of status (`past_due` after a failed
    /// renewal, say), or a cancellation at the end of the period asked for in the portal.
    public func onSubscriptionUpdated(_ handler: @escaping SubscriptionHandler) -> Self { with { $0.subscriptionUpdated = handler } }
    /// Runs `handler` for `customer.subscription.deleted`: the subscription ended; stop the service.
    public func onSubscriptionDeleted(_ handler: @escaping SubscriptionHandler) -> Self { with { $0.subscriptionDeleted = handler } }
    /// Runs `handler` for `invoice.paid`: a subscription's first payment or a renewal went through.
    public func onInvoicePaid(_ handler: @escaping InvoiceHandler) -> Self { with { $0.invoicePaid = handler } }
    /// Runs `handler` for `invoice.payment_failed`: a renewal did not go through; the subscription is `past_due`.
    public func onInvoicePaymentFailed(_ handler: @escaping InvoiceHandler) -> Self { with { $0.invoicePaymentFailed = handler } }

    /// Runs `handler` once for every extra complete session of an order: on each `checkout.session.completed`,
    /// after your completed handler, the order's sessions are looked up on Stripe (through the workflows'
    /// index, or a scan); when more than one is complete, each one but the oldest is reported, once per
    /// duplicate session whatever event, redelivery or server finds it (remembered in the event store). A
    /// handler that throws answers 500 and the duplicate is reported again on redelivery.
    ///
    /// Needs a handler made with `workflows:`: without them, calling this is a programming error and stops.
    public func onDuplicatePayment(_ handler: @escaping DuplicatePaymentHandler) -> Self {
        precondition(workflows != nil, "onDuplicatePayment needs CheckoutWebhookHandler(verifier:store:workflows:)")
        return with { $0.duplicatePayment = handler }
    }

    /// Runs `handler` once for each event of a known type whose object does not decode (its id, type, API version
    /// and object as JSON are in the event), e.g. to log it or queue it for a retrieve by id. The event is
    /// acknowledged either way; a handler that throws answers 500, so Stripe delivers it again.
    public func onUndecodable(_ handler: @escaping UndecodableHandler) -> Self { with { $0.undecodable = handler } }

    private func with(_ change: (inout Self) -> Void) -> Self {
        var copy = self
        change(&copy)
        return copy
    }

    /// Handles one delivery: `payload` is the raw request body, `signatureHeader` the `Stripe-Signature` header.
    /// Traced as a `stripe.webhook` span (with a `stripe.webhook.verify` span inside) and counted by event type
    /// and outcome.
    public func handle(payload: Data, signatureHeader: String?) async -> WebhookOutcome {
        await telemetry.withSpan("stripe.webhook", ofKind: .server) { span in
            let event: WebhookEvent
            switch await verify(payload, signatureHeader: signatureHeader) {
            case .success(let verified): event = verified
            case .failure(let rejection):
                WebhookTelemetry.record(rejection.outcome, type: nil, on: span, telemetry)
                return rejection.outcome
            }
            span?.attributes["stripe.event.id"] = event.id
            span?.attributes["stripe.event.type"] = event.type
            let outcome = await handle(event)
            WebhookTelemetry.record(outcome, type: event.type, on: span, telemetry)
            return outcome
        }
    }

    /// Checks the delivery's signature and reads its event, in a span of its own; a failure carries the outcome.
    private func verify(_ payload: Data, signatureHeader: String?) async -> Result<WebhookEvent, WebhookRejection> {
        await telemetry.withSpan("stripe.webhook.verify") { span in
            do {
                return .success(try verifier.verifyEvent(payload: payload, signatureHeader: signatureHeader ?? ""))
            } catch let error as WebhookVerificationError {
                span?.setStatus(SpanStatus(code: .error))
                return .failure(WebhookRejection(outcome: .rejected(error)))
            } catch {
                span?.setStatus(SpanStatus(code: .error))
                return .failure(WebhookRejection(outcome: .undecodable(String(describing: error))))
            }
        }
    }

    /// Runs the handler of a verified event, once.
    private func handle(_ event: WebhookEvent) async -> WebhookOutcome {
        if case .undecodable(let type, _, let reason) = event.data {
            return await acknowledgeUndecodable(event, type: type, reason: reason)
        }
        if let billing = billingAction(for: event) {
            return await runOnce(event, billing)
        }
        let route: (SessionHandler?, CheckoutSession, Bool)?
        switch event.data {
        case .checkoutSessionCompleted(let session): route = (completed, session, duplicatePayment != nil)
        case .checkoutSessionExpired(let session): route = (expired, session, false)
        case .checkoutSessionAsyncPaymentSucceeded(let session): route = (asyncPaymentSucceeded, session, false)
        case .checkoutSessionAsyncPaymentFailed(let session): route = (asyncPaymentFailed, session, false)
        default: route = nil
        }
        let tracksIndex = workflows?.index != nil
        guard let (handler, session, detectsDuplicates) = route, handler != nil || tracksIndex || detectsDuplicates else {
            return .ignored(eventID: event.id, type: event.type)
        }
        return await runOnce(event) {
            try await workflows?.record(session)
            try await handler?(session, session.clientReferenceID)
            if detectsDuplicates { try await reportDuplicates(of: session) }
        }
    }

    /// The subscription or invoice handler an event goes to, bound to its object; `nil` for other events and for
    /// billing events without a handler.
    private func billingAction(for event: WebhookEvent) -> (@Sendable () async throws -> Void)? {
        let previous = event.previousAttributes
        switch event.data {
        case .customerSubscriptionCreated(let subscription):
            guard let handler = subscriptionCreated else { return nil }
            return { try await handler(subscription, previous) }
        case .customerSubscriptionUpdated(let subscription):
            guard let handler = subscriptionUpdated else { return nil }
            return { try await handler(subscription, previous) }
        case .customerSubscriptionDeleted(let subscription):
            guard let handler = subscriptionDeleted else { return nil }
            return { try await handler(subscription, previous) }
        case .invoicePaid(let invoice):
            guard let handler = invoicePaid else { return nil }
            return { try await handler(invoice) }
        case .invoicePaymentFailed(let invoice):
            guard let handler = invoicePaymentFailed else { return nil }
            return { try await handler(invoice) }
        default:
            return nil
        }
    }

    /// Runs `action` for `event` unless a delivery of it ran already (answered as a duplicate) or is running now
    /// (answered 500, so Stripe delivers it again later): claimed in the store, finished as handled when it
    /// succeeds, released when it throws so Stripe's redelivery runs it again.
    private func runOnce(_ event: WebhookEvent, _ action: @Sendable () async throws -> Void) async -> WebhookOutcome {
        do {
            switch try await store.claimForHandling(event.id) {
            case .claimed: break
            case .alreadyHandled: return .duplicate(eventID: event.id)
            case .inProgress:
                // Acknowledging would lose the event if the delivery handling it never finishes; a retry later
                // finds it handled, or claims it once that delivery's lease is over.
                return .failed(eventID: event.id, "another delivery of this event is being handled; retry later")
            }
        } catch {
            return .failed(eventID: event.id, String(describing: error))
        }
        do {
            try await action()
            try? await store.finish(event.id, handled: true)
            return .handled(eventID: event.id, type: event.type)
        } catch {
            try? await store.finish(event.id, handled: false)
            return .failed(eventID: event.id, String(describing: error))
        }
    }

    /// Acknowledges an event whose object does not decode, running ``onUndecodable(_:)`` once per event when set.
    private func acknowledgeUndecodable(_ event: WebhookEvent, type: String, reason: String) async -> WebhookOutcome {
        let outcome = WebhookOutcome.acknowledgedUndecodable(eventID: event.id, type: type, apiVersion: event.apiVersion,
                                                             reason: reason)
        guard let undecodable else { return outcome }
        let result = await runOnce(event) { try await undecodable(event, reason) }
        if case .handled = result { return outcome }
        return result
    }

    /// Looks up the other sessions of `session`'s order and reports each extra complete one, once.
    private func reportDuplicates(of session: CheckoutSession) async throws {
        guard let workflows, let duplicatePayment, let reference = session.clientReferenceID,
              let order = try? OrderReference(reference) else { return }
        var sessions = try await workflows.currentSessions(of: order)
        if !sessions.contains(where: { $0.id == session.id }) { sessions.append(session) }
        // A session whose delayed payment failed paid nothing: the one that paid after it is no duplicate.
        let complete = try await workflows.withoutFailedPayments(sessions.filter { $0.status == .complete },
                                                                 options: RequestOptions())
        guard let original = CheckoutWorkflows.payingSession(in: complete) else { return }
        for duplicate in complete where duplicate.id != original.id {
            let payment = DuplicatePayment(order: order, original: original, duplicate: duplicate)
            guard try await store.claim(payment.claimKey) else { continue }
            telemetry.count(StripeMetricLabels.duplicatePayments, [("outcome", "found")])
            do {
                try await duplicatePayment(payment)
                try await store.finish(payment.claimKey, handled: true)
            } catch {
                try? await store.finish(payment.claimKey, handled: false)
                throw error
            }
        }
    }
}

/// What happened to one webhook delivery, and the status to answer with.
public enum WebhookOutcome: Sendable, Equatable {
    /// A handler ran and succeeded.
    case handled(eventID: String, type: String)
    /// The event was handled before; nothing ran.
    case duplicate(eventID: String)
    /// A verified event with no handler (another type, or no handler set): acknowledged, nothing ran.
    case ignored(eventID: String, type: String)
    /// The signature is missing, malformed, wrong or stale: not from Stripe, or replayed.
    case rejected(WebhookVerificationError)
    /// Signed correctly but not an event this version can read (no id or type, or not JSON).
    case undecodable(String)
    /// An event of a known type whose object does not decode (another API version, say): acknowledged so Stripe
    /// stops redelivering it, with its id, type, version and why.
    case acknowledgedUndecodable(eventID: String, type: String, apiVersion: String?, reason: String)
    /// The handler (or the store) failed; Stripe should deliver again later.
    case failed(eventID: String, String)

    /// The HTTP status to answer: 200 when done or nothing to do, 400 for a bad signature or body,
    /// 500 when handling failed so Stripe retries.
    public var httpStatus: Int {
        switch self {
        case .handled, .duplicate, .ignored, .acknowledgedUndecodable: return 200
        case .rejected, .undecodable: return 400
        case .failed: return 500
        }
    }
}
