import StripeCheckout
import StripeRuntime

/// A delayed payment (a bank debit, say) that fails leaves its session complete and `unpaid` for good, so the
/// session alone cannot tell a payment still settling from one that failed; its payment intent can.
extension CheckoutWorkflows {
    /// The ids of the sessions among `sessions` whose payment failed: complete and `unpaid`, with their payment intent
    /// back to `requires_payment_method` (or `canceled`). Such a session pays nothing, so the order may be paid again.
    /// Costs one request per complete, unpaid payment-mode session, none for the others.
    func failedPayments(among sessions: [CheckoutSession], options: RequestOptions) async throws -> Set<String> {
        var options = options
        options.idempotencyKey = nil
        var failed: Set<String> = []
        for session in sessions where session.status == .complete && session.paymentStatus == .unpaid {
            guard let reference = session.paymentIntent else { continue }
            let intent: PaymentIntent
            if let expanded = reference.object {
                intent = expanded
            } else {
                intent = try await stripe.paymentIntents.retrieve(reference.id, options: options)
            }
            if intent.status == .requiresPaymentMethod || intent.status == .canceled { failed.insert(session.id) }
        }
        return failed
    }

    /// `sessions` without those whose delayed payment failed.
    func withoutFailedPayments(_ sessions: [CheckoutSession], options: RequestOptions) async throws -> [CheckoutSession] {
        let failed = try await failedPayments(among: sessions, options: options)
        return failed.isEmpty ? sessions : sessions.filter { !failed.contains($0.id) }
    }
}
