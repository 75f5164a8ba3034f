/// Remembers which webhook events were handled, so a delivery Stripe repeats runs your handler once.
/// Back it with your database in production; ``InMemoryProcessedEventStore`` serves one process and tests.
public protocol ProcessedEventStore: Sendable {
    /// Claims `eventID` for handling; false when it was already handled or is being handled now.
    func claim(_ eventID: String) async throws -> Bool
    /// Records the outcome: a handled event stays claimed; a failed one is released so a redelivery retries it.
    func finish(_ eventID: String, handled: Bool) async throws
}

/// A ``ProcessedEventStore`` in memory: deduplicates within one process and forgets on restart.
public actor InMemoryProcessedEventStore: ProcessedEventStore {
    private var claimed: Set<String> = []

    /// An empty store: no event claimed yet.
    public init() {}

    public func claim(_ eventID: String) -> Bool {
        claimed.insert(eventID).inserted
    }

    public func finish(_ eventID: String, handled: Bool) {
        if !handled { claimed.remove(eventID) }
    }
}
