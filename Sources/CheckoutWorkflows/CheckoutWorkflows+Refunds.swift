import StripeCheckout
import StripeRuntime

/// Giving back a payment the customer made twice.
extension CheckoutWorkflows {
    /// The metadata key under which a refund names the session it gives back.
    public static let refundedSessionMetadataKey = "checkout_session"

    /// Refunds the whole payment of `duplicate`, a complete session of an order already paid by another one
    /// (see ``CheckoutWebhookHandler/onDuplicatePayment(_:)``), with reason `duplicate`. The `Idempotency-Key`
    /// comes from the session, so calling it again for the same session (a redelivered webhook, a retry on
    /// another server) replays the first refund instead of refunding twice.
    public func refundDuplicatePayment(
        _ duplicate: CheckoutSession, options: RequestOptions = RequestOptions()
    ) async throws -> Refund {
        guard let paymentIntent = duplicate.paymentIntent?.id else {
            throw StripeError.invalidParameter(
                path: ParameterPath.root.appending("payment_intent"),
                reason: "session \(duplicate.id) has no payment intent to refund (mode \(duplicate.mode?.rawValue ?? "absent"), "
                    + "payment status \(duplicate.paymentStatus?.rawValue ?? "absent"))")
        }
        var options = options
        options.idempotencyKey = IdempotencyKey.headerSafe("refund-duplicate:\(duplicate.id)")
        let refund = try await stripe.refunds.create(
            .init(metadata: .set([Self.refundedSessionMetadataKey: duplicate.id]), paymentIntent: paymentIntent,
                  reason: .duplicate),
            options: options)
        stripe.configuration.telemetry.count(StripeMetricLabels.duplicatePayments, [("outcome", "refunded")])
        return refund
    }
}
