/// The endpoints the emulator serves, read from a method and a path.
enum Route: Sendable, Equatable {
    case createSession
    case listSessions
    case retrieveSession(String)
    case expireSession(String)
    case listLineItems(String)
    case completeSession(String)
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
        case ("POST", 2) where parts == ["_emulator", "prices"]: self = .createPrice
        case ("POST", 2) where parts == ["_emulator", "faults"]: self = .addFault
        case ("DELETE", 2) where parts == ["_emulator", "faults"]: self = .clearFaults
        default: self = .notFound
        }
    }

    /// Whether the route is part of Stripe's API (auth, validation and idempotency apply).
    var isStripeAPI: Bool {
        switch self {
        case .createSession, .listSessions, .retrieveSession, .expireSession, .listLineItems: true
        default: false
        }
    }
}
