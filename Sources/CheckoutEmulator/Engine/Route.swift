#if Emulator
/// The endpoints the emulator serves besides Stripe's API (which ``APIRoute`` matches against the spec), read from a
/// method and a path: the hosted checkout page under `/c/pay/`, the billing portal under `/p/session/`, and the
/// emulator's own controls under `/_emulator/`.
enum Route: Sendable, Equatable {
    case completeSession(String)
    case settleAsyncPayment(String)
    case checkoutPage(String)
    case payFromPage(String)
    case cancelFromPage(String)
    case renewSubscription(String)
    /// The billing portal page of a portal session.
    case portalPage(String)
    /// Cancelling a subscription from the portal page: session id, subscription id.
    case portalCancel(String, String)
    case createPrice
    case addFault
    case clearFaults
    case notFound

    init(method: String, path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        switch (method, parts.count) {
        case ("POST", 5) where parts.starts(with: ["_emulator", "checkout", "sessions"]) && parts[4] == "complete":
            self = .completeSession(parts[3])
        case ("POST", 5) where parts.starts(with: ["_emulator", "checkout", "sessions"]) && parts[4] == "async_payment":
            self = .settleAsyncPayment(parts[3])
        case ("GET", 3) where parts.starts(with: ["c", "pay"]): self = .checkoutPage(parts[2])
        case ("POST", 4) where parts.starts(with: ["c", "pay"]) && parts[3] == "pay": self = .payFromPage(parts[2])
        case ("POST", 4) where parts.starts(with: ["c", "pay"]) && parts[3] == "cancel": self = .cancelFromPage(parts[2])
        case ("POST", 4) where parts.starts(with: ["_emulator", "subscriptions"]) && parts[3] == "renew":
            self = .renewSubscription(parts[2])
        case ("GET", 3) where parts.starts(with: ["p", "session"]): self = .portalPage(parts[2])
        case ("POST", 6) where parts.starts(with: ["p", "session"]) && parts[3] == "subscriptions" && parts[5] == "cancel":
            self = .portalCancel(parts[2], parts[4])
        case ("POST", 2) where parts == ["_emulator", "prices"]: self = .createPrice
        case ("POST", 2) where parts == ["_emulator", "faults"]: self = .addFault
        case ("DELETE", 2) where parts == ["_emulator", "faults"]: self = .clearFaults
        default: self = .notFound
        }
    }

    /// Whether a path is part of Stripe's API (auth, validation and idempotency apply).
    static func isStripeAPI(_ path: String) -> Bool {
        path.hasPrefix("/v1/")
    }
}
#endif
