#if PostgreSQL
import CheckoutWorkflows
import Logging
import PostgresNIO

/// An ``OrderLock`` every server of a shop shares: a session-level PostgreSQL advisory lock keyed by the order,
/// held on one pooled connection for the length of the locked work.
///
/// The lock is released on every path: `pg_advisory_unlock` after the work returns or throws; ending the waiting
/// server process, and returning only once it is gone, when the wait is cancelled; closing the connection (which
/// makes the server drop the lock) when the unlock fails; and the server itself when the connection dies. When the
/// connection closes while the work runs, the work is cancelled and the call throws ``PostgresCheckoutError`` of
/// kind `.lockLost`, since from then on another server may hold the lock. Each held order occupies one connection
/// of `client`'s pool, and cancelling a wait borrows another one for a moment.
public struct PostgresOrderLock: OrderLock {
    private let client: PostgresClient
    private let namespace: String
    private let logger: Logger

    /// A lock on `client`'s database. `namespace` keeps the keys of this shop apart from other users of
    /// advisory locks on the same database; every server of the shop must use the same one.
    public init(client: PostgresClient, namespace: String = "checkout-workflows:order", logger: Logger? = nil) {
        self.client = client
        self.namespace = namespace
        self.logger = logger ?? .checkoutPostgresSilent
    }

    /// The advisory lock key for `order`, as `pg_locks.objid`/`classid` would show it combined.
    public func key(for order: OrderReference) -> AdvisoryLockKey {
        AdvisoryLockKey(namespace: namespace, name: order.value)
    }

    public func withLock<T: Sendable>(
        _ order: OrderReference, _ body: @Sendable () async throws -> T
    ) async throws -> T {
        let key = key(for: order)
        let logger = logger
        try Task.checkCancellation()
        return try await client.withConnection { connection in
            try await Self.acquire(key, order: order, on: connection, client: client, logger: logger)
            let outcome = await Self.runWhileOpen(connection, body)
            await Self.release(key, on: connection, logger: logger)
            switch outcome {
            case .finished(let result):
                // A failed unlock closed the connection, which released the lock: the work itself was covered.
                return try result.get()
            case .connectionClosed:
                throw PostgresCheckoutError(
                    .lockLost, operation: "holding the order lock \(key) for \(order): its connection closed while the work ran",
                    input: order.value)
            }
        }
    }

    /// Takes the lock at once when it is free; otherwise waits for it on the server. Cancelling the wait ends the
    /// server process that waits (see ``WaitingBackend``) and returns only once it is gone, so a cancelled wait holds
    /// nothing, not even for a moment after the call returned.
    private static func acquire(
        _ key: AdvisoryLockKey, order: OrderReference, on connection: PostgresConnection, client: PostgresClient,
        logger: Logger
    ) async throws {
        guard !connection.isClosed else {
            throw PostgresCheckoutError(
                .database, operation: "taking the order lock \(key) for \(order): the pool handed out a closed connection",
                input: order.value)
        }
        let operation = "taking the order lock \(key) for \(order)"
        let backend: Int32
        do {
            if try await connection.query("SELECT pg_try_advisory_lock(\(key.value))", logger: logger).single(Bool.self) {
                return
            }
            backend = try await connection.query("SELECT pg_backend_pid()", logger: logger).single(Int32.self)
        } catch {
            abandon(connection)
            throw PostgresCheckoutError(.database, operation: operation, input: order.value, underlying: error)
        }
        try Task.checkCancellation()
        let waiting = WaitingBackend(pid: backend, connection: connection, client: client, logger: logger)
        do {
            try await withTaskCancellationHandler {
                try await connection.query("SELECT pg_advisory_lock(\(key.value))", logger: logger).drain()
            } onCancel: {
                waiting.stop()
            }
        } catch {
            if waiting.stopping || Task.isCancelled {
                await waiting.stopped()
                throw CancellationError()
            }
            abandon(connection)
            throw PostgresCheckoutError(.database, operation: operation, input: order.value, underlying: error)
        }
        if waiting.stopping || Task.isCancelled {
            // Granted as the wait was cancelled: ending the server process drops the lock with it.
            await waiting.stopped()
            throw CancellationError()
        }
    }

    /// Unlocks; when that fails for any reason the connection is closed, so no pooled connection keeps the lock.
    /// A connection that closes first holds nothing any more, and is not waited on (a query sent on a closed
    /// connection may never be answered).
    private static func release(_ key: AdvisoryLockKey, on connection: PostgresConnection, logger: Logger) async {
        guard !connection.isClosed else { return }
        let once = ResumeOnce()
        let unlocked = await withCheckedContinuation { continuation in
            once.set(continuation)
            connection.closeFuture.whenComplete { _ in once.resume(false) }
            Task {
                var unlocked = false
                do {
                    for try await value in try await connection.query(
                        "SELECT pg_advisory_unlock(\(key.value))", logger: logger).decode(Bool.self) {
                        unlocked = value
                    }
                } catch {
                    unlocked = false
                }
                once.resume(unlocked)
            }
        }
        if !unlocked { abandon(connection) }
    }

    /// Closes `connection` without waiting: the server drops every advisory lock of the session, and the pool
    /// never hands the closed connection out again.
    static func abandon(_ connection: PostgresConnection) {
        let closing: EventLoopFuture<Void> = connection.close()
        closing.whenComplete { _ in }
    }

    /// What became of the locked work.
    private enum Outcome<T: Sendable>: Sendable {
        case finished(Result<T, any Error>)
        case connectionClosed
    }

    /// Runs `body`, cancelling it when the connection that holds the lock closes first.
    private static func runWhileOpen<T: Sendable>(
        _ connection: PostgresConnection, _ body: @Sendable () async throws -> T
    ) async -> Outcome<T> {
        // The group waits for both children before returning, so `body` never outlives this call.
        await withoutActuallyEscaping(body) { body in
            await withTaskGroup(of: Outcome<T>?.self) { group in
                group.addTask {
                    do { return .finished(.success(try await body())) } catch { return .finished(.failure(error)) }
                }
                group.addTask {
                    await ConnectionCloseSignal.wait(for: connection) ? .connectionClosed : nil
                }
                var outcome: Outcome<T>?
                for await next in group {
                    guard let next else { continue }
                    if outcome == nil { outcome = next }
                    group.cancelAll()
                }
                return outcome ?? .connectionClosed
            }
        }
    }
}
#endif
