import CheckoutWorkflows
import Foundation
import StripeCheckout
import StripeRuntime

extension Shop {
    /// `GET /orders/{id}/checkout`: sends the customer to the order's Checkout session, the same one on every
    /// refresh and tab; back to the order when it is paid or its payment is processing. A failed delayed payment
    /// leaves the order payable: the workflows skip the session whose payment failed.
    public func checkout(_ segment: String) async -> ShopResponse {
        await answering {
            let order = try await knownOrder(segment)
            let page = orderURL(order.id)
            switch order.status {
            case .pending, .paymentFailed: break
            case .paid: return .redirect("\(page)?checkout=already-paid")
            case .processing: return .redirect("\(page)?checkout=processing")
            }
            let decision = try await workflows.checkout(
                try OrderReference(order.id), sessionParams(order, returningTo: page),
                customer: order.email.map(CheckoutCustomer.email))
            switch decision {
            case .pay(let session):
                guard let url = session.url else { throw ShopFailure.unavailable }
                try await orders.sentToCheckout(order.id, session: session.id)
                return .redirect(url)
            case .alreadyPaid(let session):
                try await orders.markPaid(order.id, session: session.id)
                return .redirect("\(page)?checkout=already-paid")
            case .paymentProcessing(let session):
                try await orders.markProcessing(order.id, session: session.id)
                return .redirect("\(page)?checkout=processing")
            }
        }
    }

    /// `GET /orders/{id}/subscription`: sends a subscribed customer to Stripe's billing portal, which returns
    /// them to the order.
    public func manageSubscription(_ segment: String) async -> ShopResponse {
        await answering {
            let order = try await knownOrder(segment)
            guard let customer = order.customer else {
                throw ShopFailure.badRequest("This order has no subscription to manage yet.", back: orderPath(order.id))
            }
            let portal = try await stripe.billingPortal.sessions.create(.init(customer: customer,
                                                                              returnURL: orderURL(order.id)))
            guard let url = portal.url else { throw ShopFailure.unavailable }
            return .redirect(url)
        }
    }

    /// The session the order pays with: its catalog price, its order id in the metadata (and, for a plan, in the
    /// subscription's), and return links to the shop's success and cancel pages.
    func sessionParams(_ order: Order, returningTo page: String) -> CheckoutSessionsAPI.CreateParams {
        let subscription = order.product == .plan
        return CheckoutSessionsAPI.CreateParams(
            cancelURL: "\(page)/cancel",
            lineItems: [.init(price: catalog.entry(order.product).priceID, quantity: order.quantity)],
            metadata: ["order_id": order.id],
            mode: subscription ? .subscription : .payment,
            subscriptionData: subscription ? .init(metadata: ["order_id": order.id]) : nil,
            successURL: "\(page)/success?session_id={CHECKOUT_SESSION_ID}")
    }

    /// The order's subscription as Stripe holds it now, or as the last event told when Stripe does not answer.
    func currentSubscription(of order: Order) async -> SubscriptionSummary? {
        guard let id = order.subscription else { return nil }
        if let live = try? await stripe.subscriptions.retrieve(id) {
            return SubscriptionSummary(status: live.status?.rawValue ?? order.subscriptionStatus ?? "unknown",
                                       cancelsAtPeriodEnd: live.cancelAtPeriodEnd ?? false,
                                       periodEnd: live.currentPeriodEnd)
        }
        return SubscriptionSummary(status: order.subscriptionStatus ?? "unknown",
                                   cancelsAtPeriodEnd: order.cancelsAtPeriodEnd, periodEnd: nil)
    }
}

/// What the order page says about a plan's subscription.
struct SubscriptionSummary: Sendable {
    /// Stripe's status (`active`, `trialing`, `past_due`, `canceled`, …).
    var status: String
    /// Whether it ends when the paid period does.
    var cancelsAtPeriodEnd: Bool
    /// When the paid period ends.
    var periodEnd: Date?
}
