#if PostgreSQL
/// Why a PostgreSQL-backed checkout store could not do what it was asked, with what it was doing and on which
/// input, so a log line alone tells where to look.
public struct PostgresCheckoutError: Error, Sendable, CustomStringConvertible {
    /// The kinds of failure, which callers can switch on.
    public enum Kind: Sendable, Hashable {
        /// A schema or table-name prefix that is not a plain lower-case SQL identifier, or a database URL that
        /// cannot be read.
        case invalidIdentifier
        /// The database answered with an error, or the connection failed before it answered.
        case database
        /// The connection holding an order's advisory lock closed while the locked work ran, so the lock
        /// stopped protecting it part of the way through.
        case lockLost
        /// The event's claim was no longer ours when the outcome was recorded (its lease ran out and another
        /// delivery claimed it).
        case claimLost
        /// The database holds a schema version newer than this library knows.
        case schemaTooNew
    }

    /// What went wrong.
    public let kind: Kind
    /// What the store was doing, e.g. `claiming event evt_123 in shop.checkout_processed_events`.
    public let operation: String
    /// The offending value, when one is to blame.
    public let input: String?
    /// The error underneath, as the driver described it (PostgresNIO hides details from `description`).
    public let underlying: String?

    /// An error of `kind` met while doing `operation`.
    public init(_ kind: Kind, operation: String, input: String? = nil, underlying: (any Error)? = nil) {
        self.kind = kind
        self.operation = operation
        self.input = input
        self.underlying = underlying.map { String(reflecting: $0) }
    }

    public var description: String {
        var text = "\(kind) while \(operation)"
        if let input { text += " (input: \(input))" }
        if let underlying { text += ": \(underlying)" }
        return text
    }
}

/// Runs `body`, turning any error but cancellation into a ``PostgresCheckoutError`` of kind `.database` that says
/// what was being done.
func databaseCall<T: Sendable>(
    _ operation: @autoclosure () -> String, input: String? = nil, _ body: () async throws -> T
) async throws -> T {
    do {
        return try await body()
    } catch let error as PostgresCheckoutError {
        throw error
    } catch let error as CancellationError {
        throw error
    } catch {
        throw PostgresCheckoutError(.database, operation: operation(), input: input, underlying: error)
    }
}
#endif
