#if Emulator
import Foundation
import StripeCheckout

/// Open sessions whose `expires_at` has passed become `expired` (with their webhook) the first
/// time anything touches them, standing in for Stripe's background expiry.
extension CheckoutEngine {
    /// The session with `id` after applying a due expiry, or `nil` when there is none.
    @discardableResult
    func expireIfDue(_ id: String) -> CheckoutSession? {
        guard var session = state.sessions[id] else { return nil }
        guard session.status == .open, let expiresAt = session.expiresAt, configuration.now() >= expiresAt else {
            return session
        }
        session.status = .expired
        session.url = nil
        state.store(session)
        emit("checkout.session.expired", session)
        return session
    }

    /// `sessions` with due expiries applied.
    func expiringDue(_ sessions: [CheckoutSession]) -> [CheckoutSession] {
        sessions.map { expireIfDue($0.id) ?? $0 }
    }
}
#endif
