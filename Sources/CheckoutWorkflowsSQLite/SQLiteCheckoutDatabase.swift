#if SQLite
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLiteNIO

/// One SQLite database file holding the checkout stores' tables, shared by every store of this process and by
/// every process on the host that opens the same file.
///
/// Opening sets the file to WAL mode (readers never wait for the writer), sets `busy_timeout` (a write waits that
/// long for another connection's write to end before failing), and migrates the tables. Every step of the stores
/// is one statement, which SQLite runs as its own transaction: concurrent calls from any number of connections and
/// processes see exactly one winner. Commits are durable (`synchronous = FULL`). Statements run on a thread of the
/// database's own, so a write waiting for the file never holds up a thread the rest of the program needs.
/// Call ``close()`` when done.
public final class SQLiteCheckoutDatabase: Sendable {
    /// The database file, as given to ``open(path:busyTimeout:logger:)``.
    public let path: String
    /// The schema versions this open applied (empty when the file was already current), oldest first.
    public let appliedMigrations: [Int]
    /// How long a write waits for another connection's write before failing with `SQLITE_BUSY`.
    public let busyTimeout: Duration
    let logger: Logger
    private let connection: SQLiteConnection
    private let threadPool: NIOThreadPool

    private init(path: String, appliedMigrations: [Int], busyTimeout: Duration, logger: Logger,
                 connection: SQLiteConnection, threadPool: NIOThreadPool) {
        self.path = path
        self.appliedMigrations = appliedMigrations
        self.busyTimeout = busyTimeout
        self.logger = logger
        self.connection = connection
        self.threadPool = threadPool
    }

    /// Opens (creating when missing) the database at `path`, switches it to WAL mode and migrates its tables to
    /// ``currentSchemaVersion``; safe from several processes at once. Throws ``SQLiteCheckoutError``
    /// (`.schemaTooNew` when a newer library already migrated the file, `.database` when it cannot be opened).
    public static func open(path: String, busyTimeout: Duration = .seconds(5), logger: Logger? = nil) async throws
        -> SQLiteCheckoutDatabase
    {
        let logger = logger ?? .checkoutSQLiteSilent
        let threadPool = NIOThreadPool(numberOfThreads: 1)
        threadPool.start()
        let connection: SQLiteConnection
        do {
            connection = try await databaseCall("opening the checkout database \(path)", input: path) {
                try await SQLiteConnection.open(
                    storage: .file(path: path), threadPool: threadPool, logger: logger,
                    on: MultiThreadedEventLoopGroup.singleton.any())
            }
        } catch {
            try? await threadPool.shutdownGracefully()
            throw error
        }
        do {
            try await configure(connection, path: path, busyTimeout: busyTimeout, logger: logger)
            let applied = try await migrate(connection, path: path, logger: logger)
            return SQLiteCheckoutDatabase(path: path, appliedMigrations: applied, busyTimeout: busyTimeout, logger: logger,
                                          connection: connection, threadPool: threadPool)
        } catch {
            try? await connection.close()
            try? await threadPool.shutdownGracefully()
            throw error
        }
    }

    /// Closes the file once its queued statements ran, without waiting, when the last reference goes without a
    /// ``close()`` (SQLiteNIO requires every connection to be closed).
    deinit {
        let closing: EventLoopFuture<Void> = connection.close()
        closing.whenComplete { [threadPool] _ in threadPool.shutdownGracefully { _ in } }
    }

    /// Closes the file and stops the database's thread; the stores on it fail from then on.
    public func close() async throws {
        try await databaseCall("closing the checkout database \(path)") {
            try await connection.close()
        }
        try? await threadPool.shutdownGracefully()
    }

    /// Runs one statement with `binds` and returns its rows. Once sent, the statement runs to its end even when the
    /// calling task is cancelled, so a release is never half done.
    func rows(_ sql: String, _ binds: [SQLiteData] = []) async throws -> [SQLiteRow] {
        try await Self.rows(sql, binds, on: connection, logger: logger)
    }

    static func rows(_ sql: String, _ binds: [SQLiteData] = [], on connection: SQLiteConnection, logger: Logger)
        async throws -> [SQLiteRow]
    {
        let collected = CollectedRows()
        try await connection.query(sql, binds, logger: logger) { collected.append($0) }.get()
        return collected.rows
    }

    /// Sets the busy timeout first (it replaces SQLiteNIO's busy handler, which retries without sleeping), then WAL
    /// mode and full synchronous commits.
    private static func configure(_ connection: SQLiteConnection, path: String, busyTimeout: Duration, logger: Logger)
        async throws
    {
        let milliseconds = max(0, Int((busyTimeout / .milliseconds(1)).rounded(.up)))
        try await databaseCall("setting up the checkout database \(path)", input: path) {
            _ = try await rows("PRAGMA busy_timeout = \(milliseconds)", on: connection, logger: logger)
            let mode = try await switchToWAL(connection, busyTimeout: busyTimeout, logger: logger)
            guard mode?.lowercased() == "wal" else {
                throw SQLiteCheckoutError(
                    .database,
                    operation: "switching \(path) to WAL mode: SQLite kept journal mode \(mode ?? "unknown") (WAL needs a local file system)",
                    input: path)
            }
            _ = try await rows("PRAGMA synchronous = FULL", on: connection, logger: logger)
        }
    }

    /// Switches the file to WAL mode and returns the journal mode SQLite reports. Connections switching a new file
    /// at once can be answered `busy` at once, without the busy timeout: the switch reads the file and then asks to
    /// write it, and SQLite refuses to wait there because two such waits could deadlock. So a busy answer is tried
    /// again, a little later each time, until the busy timeout has passed.
    private static func switchToWAL(_ connection: SQLiteConnection, busyTimeout: Duration, logger: Logger)
        async throws -> String?
    {
        let deadline = ContinuousClock.now + busyTimeout
        var pause = Duration.milliseconds(1)
        while true {
            do {
                return try await rows("PRAGMA journal_mode = WAL", on: connection, logger: logger)
                    .first?.column("journal_mode")?.string
            } catch let error as SQLiteError where error.reason == .busy && ContinuousClock.now + pause < deadline {
                logger.debug("journal mode switch found the file busy, trying again", metadata: ["pause": "\(pause)"])
                try await Task.sleep(for: pause)
                pause = min(pause * 2, .milliseconds(50))
            }
        }
    }
}

/// The rows of one statement, appended by SQLiteNIO's row callback.
private final class CollectedRows: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [SQLiteRow] = []

    func append(_ row: SQLiteRow) { lock.withLock { stored.append(row) } }
    var rows: [SQLiteRow] { lock.withLock { stored } }
}
#endif
