/// Remembers which webhook events were handled, so a delivery Stripe repeats runs your handler once.
/// Back it with your database in production; ``InMemoryProcessedEventStore`` serves one process and tests.
public protocol ProcessedEventStore: Sendable {
    /// Claims `eventID` for handling; false when it was already handled or is being handled now.
    func claim(_ eventID: String) async throws -> Bool
    /// Claims `eventID` for handling, and when it cannot, says why: handled already (answer "duplicate"), or being
    /// handled by another delivery right now (answer an error, so Stripe delivers it again later). The default asks
    /// ``claim(_:)`` and takes a refusal as handled; a store that can tell the two apart should.
    func claimForHandling(_ eventID: String) async throws -> EventClaim
    /// Records the outcome: a handled event stays claimed; a failed one is released so a redelivery retries it.
    func finish(_ eventID: String, handled: Bool) async throws
}

/// What claiming an event for handling found.
public enum EventClaim: Sendable, Equatable {
    /// This delivery handles it.
    case claimed
    /// A delivery handled it already: acknowledge this one.
    case alreadyHandled
    /// Another delivery holds it now (its handler running, or its process gone and its lease not yet over): ask
    /// Stripe to deliver again later, which runs the handler if that one never finishes.
    case inProgress
}

extension ProcessedEventStore {
    public func claimForHandling(_ eventID: String) async throws -> EventClaim {
        try await claim(eventID) ? .claimed : .alreadyHandled
    }
}

/// A ``ProcessedEventStore`` in memory: deduplicates within one process and forgets on restart.
public actor InMemoryProcessedEventStore: ProcessedEventStore {
    private var handling: Set<String> = []
    private var handled: Set<String> = []

    /// An empty store: no event claimed yet.
    public init() {}

    public func claim(_ eventID: String) -> Bool {
        claimForHandling(eventID) == .claimed
    }

    public func claimForHandling(_ eventID: String) -> EventClaim {
        if handled.contains(eventID) { return .alreadyHandled }
        return handling.insert(eventID).inserted ? .claimed : .inProgress
    }

    public func finish(_ eventID: String, handled wasHandled: Bool) {
        handling.remove(eventID)
        if wasHandled { handled.insert(eventID) }
    }
}
