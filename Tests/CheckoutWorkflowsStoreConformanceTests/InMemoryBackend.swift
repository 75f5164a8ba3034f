import CheckoutWorkflows

/// The in-memory stores: one process, nothing survives it. Every `open` returns the same instances, since a second
/// instance of an in-memory store would share nothing with the first.
struct InMemoryBackend: Backend {
    var name: String { "in memory" }
    var capabilities: Set<Capability> { [] }

    func withStorage(_ body: @Sendable (_ open: @Sendable () async throws -> Stores) async throws -> Void) async throws {
        let events = InMemoryProcessedEventStore()
        let stores = Stores(events: { _ in events }, index: InMemoryCheckoutSessionIndex(), lock: InProcessOrderLock(),
                            close: {})
        try await body { stores }
    }

    func isClaimLost(_ error: any Error) -> Bool { false }
}
