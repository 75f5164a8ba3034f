#if PostgreSQL
import PostgresNIO

/// A pooled connection found closed before a statement was sent on it: the pool had not yet noticed that its
/// server went away. (A statement sent on a closed connection may never be answered, so none is sent.)
struct ClosedConnectionError: Error, CustomStringConvertible {
    var description: String { "the pooled connection was already closed; nothing was sent" }
}

extension PostgresClient {
    /// Runs `body` with one statement's worth of work on a pooled connection that is open when it starts;
    /// throws ``ClosedConnectionError`` instead of sending on a connection that already closed.
    func withOpenConnection<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await withConnection { connection in
            guard !connection.isClosed else { throw ClosedConnectionError() }
            return try await body(connection)
        }
    }
}
#endif
