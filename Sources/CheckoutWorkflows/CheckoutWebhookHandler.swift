import Foundation
import StripeCheckout
import StripeRuntime

/// Verifies, decodes, deduplicates and routes Checkout webhooks to your handlers, and says what HTTP status to
/// answer Stripe with: 2xx stops redelivery, anything else makes Stripe retry later.
public struct CheckoutWebhookHandler: Sendable {
    /// What a handler receives: the session, and the order reference it carries.
    public typealias SessionHandler = @Sendable (_ session: CheckoutSession, _ reference: String?) async throws -> Void

    private let verifier: WebhookVerifier
    private let store: any ProcessedEventStore
    private var completed: SessionHandler?
    private var expired: SessionHandler?
    private var asyncPaymentSucceeded: SessionHandler?
    private var asyncPaymentFailed: SessionHandler?

    /// A handler for events signed with `verifier`'s secret, deduplicated through `store`.
    public init(verifier: WebhookVerifier, store: any ProcessedEventStore = InMemoryProcessedEventStore()) {
        self.verifier = verifier
        self.store = store
    }

    /// Runs `handler` for `checkout.session.completed`.
    public func onCompleted(_ handler: @escaping SessionHandler) -> Self { with { $0.completed = handler } }
    /// Runs `handler` for `checkout.session.expired`.
    public func onExpired(_ handler: @escaping SessionHandler) -> Self { with { $0.expired = handler } }
    /// Runs `handler` for `checkout.session.async_payment_succeeded`.
    public func onAsyncPaymentSucceeded(_ handler: @escaping SessionHandler) -> Self { with { $0.asyncPaymentSucceeded = handler } }
    /// Runs `handler` for `checkout.session.async_payment_failed`.
    public func onAsyncPaymentFailed(_ handler: @escaping SessionHandler) -> Self { with { $0.asyncPaymentFailed = handler } }

    private func with(_ change: (inout Self) -> Void) -> Self {
        var copy = self
        change(&copy)
        return copy
    }

    /// Handles one delivery: `payload` is the raw request body, `signatureHeader` the `Stripe-Signature` header.
    public func handle(payload: Data, signatureHeader: String?) async -> WebhookOutcome {
        let event: WebhookEvent
        do {
            event = try verifier.verifyEvent(payload: payload, signatureHeader: signatureHeader ?? "")
        } catch let error as WebhookVerificationError {
            return .rejected(error)
        } catch {
            return .undecodable(String(describing: error))
        }
        let route: (SessionHandler?, CheckoutSession)?
        switch event.data {
        case .checkoutSessionCompleted(let session): route = (completed, session)
        case .checkoutSessionExpired(let session): route = (expired, session)
        case .checkoutSessionAsyncPaymentSucceeded(let session): route = (asyncPaymentSucceeded, session)
        case .checkoutSessionAsyncPaymentFailed(let session): route = (asyncPaymentFailed, session)
        default: route = nil
        }
        guard let (handler, session) = route, let handler else { return .ignored(eventID: event.id, type: event.type) }
        do {
            guard try await store.claim(event.id) else { return .duplicate(eventID: event.id) }
        } catch {
            return .failed(eventID: event.id, String(describing: error))
        }
        do {
            try await handler(session, session.clientReferenceID)
            try? await store.finish(event.id, handled: true)
            return .handled(eventID: event.id, type: event.type)
        } catch {
            try? await store.finish(event.id, handled: false)
            return .failed(eventID: event.id, String(describing: error))
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
    /// Signed correctly but not an event this version can read.
    case undecodable(String)
    /// The handler (or the store) failed; Stripe should deliver again later.
    case failed(eventID: String, String)

    /// The HTTP status to answer: 200 when done or nothing to do, 400 for a bad signature or body,
    /// 500 when handling failed so Stripe retries.
    public var httpStatus: Int {
        switch self {
        case .handled, .duplicate, .ignored: return 200
        case .rejected, .undecodable: return 400
        case .failed: return 500
        }
    }
}
