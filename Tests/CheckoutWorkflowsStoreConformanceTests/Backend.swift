import CheckoutWorkflows
import Testing

/// What a backend promises beyond the contract every store keeps.
enum Capability: Sendable, Hashable {
    /// An event claim is a lease that runs out, and a finish after another claim took over is refused.
    case claimLeases
    /// A new instance on the same storage (a restarted process) sees what earlier instances recorded.
    case survivesRestart
}

/// The stores one process would make on a backend's storage.
struct Stores: Sendable {
    /// A processed-event store whose claims last `lease` (backends without leases ignore it).
    var events: @Sendable (_ lease: Duration) -> any ProcessedEventStore
    var index: any CheckoutSessionIndex
    var lock: any OrderLock
    /// Lets go of what the stores hold open (a file, a connection pool), as a process ending would.
    var close: @Sendable () async throws -> Void
}

/// A kind of storage the stores can sit on, made fresh and isolated for each check.
protocol Backend: Sendable {
    /// How the backend appears in test names.
    var name: String { get }
    var capabilities: Set<Capability> { get }
    /// Runs `body` with storage of its own; `open` makes a new set of stores on it, as a process starting would.
    /// Stores still open when `body` ends are closed.
    func withStorage(_ body: @Sendable (_ open: @Sendable () async throws -> Stores) async throws -> Void) async throws
    /// Whether `error` says the claim was lost (a finish after the lease ran out and another delivery claimed it).
    func isClaimLost(_ error: any Error) -> Bool
}

/// One promise of the store contract, checked on any backend that has the capabilities it needs.
struct Promise: Sendable, CustomTestStringConvertible {
    var name: String
    var requires: Set<Capability> = []
    var check: @Sendable (any Backend) async throws -> Void

    var testDescription: String { name }

    /// The promises a backend with `capabilities` keeps.
    static func applying(to capabilities: Set<Capability>) -> [Promise] {
        (eventPromises + indexPromises + lockPromises).filter { $0.requires.isSubset(of: capabilities) }
    }
}
