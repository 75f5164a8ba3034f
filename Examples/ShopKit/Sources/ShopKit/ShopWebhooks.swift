import CheckoutWorkflows
import StripeCheckout
import StripeRuntime

/// What the shop does once an order is paid (ship it, send the email): given the order's id and the paying session.
/// It runs inside the webhook's handling, so it runs once per paid session, again only when a delivery failed.
public typealias ShopFulfilment = @Sendable (_ order: String, _ session: String) async throws -> Void

/// The shop's webhook handling: completed payments mark orders paid (or processing, for delayed methods), the
/// async events settle them, a second payment of one order is refunded, and a plan's subscription events keep
/// its order's subscription current.
enum ShopWebhooks {
    static func handler(
        _ settings: ShopSettings, orders: OrderStore, workflows: CheckoutWorkflows, events: any ProcessedEventStore,
        fulfil: @escaping ShopFulfilment
    ) -> CheckoutWebhookHandler {
        CheckoutWebhookHandler(verifier: WebhookVerifier(secret: settings.webhookSecret), store: events,
                               workflows: workflows)
            .onCompleted { session, reference in
                guard let reference else { return }
                if session.mode == .subscription {
                    try await orders.recordSubscription(reference, customer: session.customer?.id,
                                                    subscription: session.subscription?.id)
                }
                if session.paymentStatus == .unpaid {
                    try await orders.markProcessing(reference, session: session.id)
                } else {
                    try await orders.markPaid(reference, session: session.id)
                    try await fulfil(reference, session.id)
                }
            }
            .onAsyncPaymentSucceeded { session, reference in
                guard let reference else { return }
                try await orders.markPaid(reference, session: session.id)
                try await fulfil(reference, session.id)
            }
            .onAsyncPaymentFailed { session, reference in
                guard let reference else { return }
                try await orders.markPaymentFailed(reference, session: session.id)
            }
            .onDuplicatePayment { payment in
                _ = try await workflows.refundDuplicatePayment(payment.duplicate)
                try await orders.recordDuplicate(payment.order.value, original: payment.original.id,
                                             refunded: payment.duplicate.id)
            }
            .onSubscriptionCreated { subscription, _ in try await follow(subscription, orders) }
            .onSubscriptionUpdated { subscription, _ in try await follow(subscription, orders) }
            .onSubscriptionDeleted { subscription, _ in try await follow(subscription, orders) }
    }

    /// Records a subscription's state on the order its metadata names (the shop's checkout puts it there).
    private static func follow(_ subscription: Subscription, _ orders: OrderStore) async throws {
        guard let order = subscription.metadata?["order_id"] else { return }
        try await orders.updateSubscription(order, subscription: subscription.id, customer: subscription.customer?.id,
                                            status: subscription.status?.rawValue,
                                            cancelsAtPeriodEnd: subscription.cancelAtPeriodEnd ?? false)
    }

    /// A one-line account of a webhook outcome, for the response body (shown in Stripe's delivery log) and tests.
    static func describe(_ outcome: WebhookOutcome) -> String {
        switch outcome {
        case .handled(let id, let type): "handled \(id) \(type)"
        case .duplicate(let id): "duplicate \(id)"
        case .ignored(let id, let type): "ignored \(id) \(type)"
        case .rejected: "rejected: signature not valid"
        case .undecodable: "undecodable event"
        case .acknowledgedUndecodable(let id, let type, let version, _):
            "acknowledged \(id) \(type): its object does not decode (API version \(version ?? "not given"))"
        case .failed(let id, _): "failed \(id)"
        }
    }
}
