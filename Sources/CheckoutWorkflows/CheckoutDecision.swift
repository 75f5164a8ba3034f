import StripeCheckout

/// What to do with a customer who wants to pay for an order, as ``CheckoutWorkflows/checkout(_:_:customer:options:)``
/// decides it from what Stripe knows of the order.
public enum CheckoutDecision: Sendable {
    /// Send the customer to `session.url`: an open session for this order and cart.
    case pay(CheckoutSession)
    /// The order is paid by `session` (complete, `paid` or `no_payment_required`): show the order, charge nothing.
    case alreadyPaid(CheckoutSession)
    /// The order's `session` is complete but its payment has not settled (a delayed method such as a bank
    /// debit): show that the payment is processing; `checkout.session.async_payment_*` tells how it ends.
    case paymentProcessing(CheckoutSession)

    /// The session the decision is about.
    public var session: CheckoutSession {
        switch self {
        case .pay(let session), .alreadyPaid(let session), .paymentProcessing(let session): session
        }
    }

    /// The decision as its span records it: `pay`, `already_paid` or `payment_processing`.
    var telemetryName: String {
        switch self {
        case .pay: "pay"
        case .alreadyPaid: "already_paid"
        case .paymentProcessing: "payment_processing"
        }
    }

    /// The decision for an order that has `completed` as its paying session.
    static func settled(by completed: CheckoutSession) -> CheckoutDecision {
        completed.paymentStatus == .unpaid ? .paymentProcessing(completed) : .alreadyPaid(completed)
    }
}
