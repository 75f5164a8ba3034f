#if PostgreSQL
import Foundation
import Logging
import PostgresNIO

/// The server process of a connection blocked in `pg_advisory_lock`, and how to end its wait for good.
///
/// Closing the connection is not enough: a server process blocked on a lock does not read its socket, so it stays
/// queued and may still be granted the lock, then hold it until it notices the closed socket. Ending the process
/// with `pg_terminate_backend(pid, timeout)` from another pooled connection removes it from the queue, drops
/// anything it was granted, and returns once the process has exited.
final class WaitingBackend: @unchecked Sendable {
    /// How long `pg_terminate_backend` waits for the process to exit.
    static let exitTimeout: Duration = .seconds(10)

    private let pid: Int32
    private let connection: PostgresConnection
    private let client: PostgresClient
    private let logger: Logger
    private let lock = NSLock()
    private var ending: Task<Void, Never>?

    init(pid: Int32, connection: PostgresConnection, client: PostgresClient, logger: Logger) {
        self.pid = pid
        self.connection = connection
        self.client = client
        self.logger = logger
    }

    private var endingTask: Task<Void, Never>? { lock.withLock { ending } }

    /// Whether ``stop()`` was called.
    var stopping: Bool { lock.withLock { ending != nil } }

    /// Starts ending the server process (once, however often it is called); returns at once.
    func stop() {
        lock.withLock {
            guard ending == nil else { return }
            ending = Task { [pid, connection, client, logger] in
                do {
                    let exitTimeout = Int64(Self.exitTimeout / .milliseconds(1))
                    let ended = try await client.withConnection { other in
                        try await other.query("SELECT pg_terminate_backend(\(pid), \(exitTimeout))", logger: logger).single(Bool.self)
                    }
                    // False when the process had already gone, or did not exit within the timeout.
                    if !ended { logger.debug("pg_terminate_backend(\(pid)) answered false") }
                } catch {
                    logger.warning("could not end the server process \(pid) waiting for an order lock; closing its connection instead",
                                   metadata: ["error": "\(String(reflecting: error))"])
                }
                // The server closes the connection of a process it ended; close it from here as well, in case it did not.
                let closing: EventLoopFuture<Void> = connection.close()
                _ = try? await closing.get()
            }
        }
    }

    /// Returns once the server process was ended (starting that if ``stop()`` was not called) and the connection
    /// closed.
    func stopped() async {
        stop()
        await endingTask?.value
    }
}

extension PostgresRowSequence {
    /// The single value of a one-row, one-column result.
    func single<T: PostgresDecodable & Sendable>(_ type: T.Type) async throws -> T {
        var value: T?
        for try await decoded in decode(T.self) { value = decoded }
        guard let value else { throw NoRowError() }
        return value
    }
}

/// A query that returns one value returned no row.
struct NoRowError: Error, CustomStringConvertible {
    var description: String { "the query returned no row" }
}
#endif
