/// The endpoints the emulator serves, read from a method and a path: Stripe's API under `/v1/`,
/// the hosted checkout page under `/c/pay/`, and the emulator's own controls under `/_emulator/`.
enum Route: Sendable, Equatable {
    case createSession
    case listSessions
    case retrieveSession(String)
    case expireSession(String)
    case listLineItems(String)
    case completeSession(String)
    case settleAsyncPayment(String)
    case createRefund
    case listRefunds
    case checkoutPage(String)
    case payFromPage(String)
    case cancelFromPage(String)
    case createPrice
    case addFault
    case clearFaults
    case notFound

    init(method: String, path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        switch (method, parts.count) {
        case ("POST", 3) where parts == ["v1", "checkout", "sessions"]: self = .createSession
        case ("GET", 3) where parts == ["v1", "checkout", "sessions"]: self = .listSessions
        case ("GET", 4) where parts.starts(with: ["v1", "checkout", "sessions"]): self = .retrieveSession(parts[3])
        case ("POST", 5) where parts.starts(with: ["v1", "checkout", "sessions"]) && parts[4] == "expire":
            self = .expireSession(parts[3])
        case ("GET", 5) where parts.starts(with: ["v1", "checkout", "sessions"]) && parts[4] == "line_items":
            self = .listLineItems(parts[3])
        case ("POST", 5) where parts.starts(with: ["_emulator", "checkout", "sessions"]) && parts[4] == "complete":
            self = .completeSession(parts[3])
        case ("POST", 5) where parts.starts(with: ["_emulator", "checkout", "sessions"]) && parts[4] == "async_payment":
            self = .settleAsyncPayment(parts[3])
        case ("POST", 2) where parts == ["v1", "refunds"]: self = .createRefund
        case ("GET", 2) where parts == ["v1", "refunds"]: self = .listRefunds
        case ("GET", 3) where parts.starts(with: ["c", "pay"]): self = .checkoutPage(parts[2])
        case ("POST", 4) where parts.starts(with: ["c", "pay"]) && parts[3] == "pay": self = .payFromPage(parts[2])
        case ("POST", 4) where parts.starts(with: ["c", "pay"]) && parts[3] == "cancel": self = .cancelFromPage(parts[2])
        case ("POST", 2) where parts == ["_emulator", "prices"]: self = .createPrice
        case ("POST", 2) where parts == ["_emulator", "faults"]: self = .addFault
        case ("DELETE", 2) where parts == ["_emulator", "faults"]: self = .clearFaults
        default: self = .notFound
        }
    }

    /// Whether the route is part of Stripe's API (auth, validation and idempotency apply).
    var isStripeAPI: Bool {
        switch self {
        case .createSession, .listSessions, .retrieveSession, .expireSession, .listLineItems, .createRefund, .listRefunds: true
        default: false
        }
    }
}
