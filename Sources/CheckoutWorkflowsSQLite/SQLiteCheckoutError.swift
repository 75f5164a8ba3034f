#if SQLite
/// Why an SQLite-backed checkout store could not do what it was asked, with what it was doing, on which file and
/// on which input, so a log line alone tells where to look.
public struct SQLiteCheckoutError: Error, Sendable, CustomStringConvertible {
    /// The kinds of failure, which callers can switch on.
    public enum Kind: Sendable, Hashable {
        /// The file could not be opened or set up, or a statement failed (busy past the timeout, disk full, I/O).
        case database
        /// The order lock's lease could not be renewed while the locked work ran (the process stalled past the
        /// lease, or the row was taken away), so the lock stopped protecting the work part of the way through.
        case lockLost
        /// The event's claim was no longer ours when the outcome was recorded (its lease ran out and another
        /// delivery claimed it).
        case claimLost
        /// The file holds a schema version newer than this library knows.
        case schemaTooNew
    }

    /// What went wrong.
    public let kind: Kind
    /// What the store was doing, e.g. `claiming event evt_123 in /var/lib/shop/shop.sqlite`.
    public let operation: String
    /// The offending value, when one is to blame.
    public let input: String?
    /// The error underneath, as SQLite described it.
    public let underlying: String?

    /// An error of `kind` met while doing `operation`.
    public init(_ kind: Kind, operation: String, input: String? = nil, underlying: (any Error)? = nil) {
        self.kind = kind
        self.operation = operation
        self.input = input
        self.underlying = underlying.map { String(describing: $0) }
    }

    public var description: String {
        var text = "\(kind) while \(operation)"
        if let input { text += " (input: \(input))" }
        if let underlying { text += ": \(underlying)" }
        return text
    }
}

/// Runs `body`, turning any error but cancellation into an ``SQLiteCheckoutError`` of kind `.database` that says
/// what was being done.
func databaseCall<T: Sendable>(
    _ operation: @autoclosure () -> String, input: String? = nil, _ body: () async throws -> T
) async throws -> T {
    do {
        return try await body()
    } catch let error as SQLiteCheckoutError {
        throw error
    } catch let error as CancellationError {
        throw error
    } catch {
        throw SQLiteCheckoutError(.database, operation: operation(), input: input, underlying: error)
    }
}
#endif
