#if SQLite
import Logging
import SQLiteNIO

/// One step of the schema: a version number, what it does, and its statements, applied in one transaction with
/// the row that records the version.
struct SQLiteCheckoutMigration: Sendable {
    let version: Int
    let description: String
    let statements: [String]
}

extension SQLiteCheckoutDatabase {
    /// The schema version this library writes and reads.
    public static let currentSchemaVersion = 1

    /// Remembers which schema versions were applied: `version`, `description`, `applied_at`.
    static let schemaVersionsTable = "checkout_schema_versions"
    /// One row per webhook event id seen, for ``SQLiteProcessedEventStore``.
    static let processedEventsTable = "checkout_processed_events"
    /// One row per Checkout Session, for ``SQLiteCheckoutSessionIndex``.
    static let checkoutSessionsTable = "checkout_sessions"
    /// One row per caller holding or waiting for an order's lock, for ``SQLiteOrderLock``.
    static let orderLocksTable = "checkout_order_locks"

    /// Every step, oldest first. Times are unix seconds (`REAL`).
    static let migrations: [SQLiteCheckoutMigration] = [
        SQLiteCheckoutMigration(version: 1, description: "processed events, the checkout session index and order locks", statements: [
            """
            CREATE TABLE IF NOT EXISTS \(processedEventsTable) (
                event_id TEXT PRIMARY KEY,
                state TEXT NOT NULL CHECK (state IN ('claimed', 'handled', 'released')),
                claim_token TEXT,
                attempts INTEGER NOT NULL DEFAULT 1,
                first_seen_at REAL NOT NULL,
                claimed_at REAL NOT NULL,
                lease_until REAL,
                finished_at REAL
            ) STRICT
            """,
            """
            CREATE INDEX IF NOT EXISTS \(processedEventsTable)_first_seen ON \(processedEventsTable) (first_seen_at)
            """,
            """
            CREATE TABLE IF NOT EXISTS \(checkoutSessionsTable) (
                session_id TEXT PRIMARY KEY,
                order_reference TEXT NOT NULL,
                cart_fingerprint TEXT,
                status TEXT NOT NULL,
                payment_status TEXT NOT NULL,
                created REAL NOT NULL,
                expires_at REAL NOT NULL,
                recorded_at REAL NOT NULL,
                updated_at REAL NOT NULL
            ) STRICT
            """,
            """
            CREATE INDEX IF NOT EXISTS \(checkoutSessionsTable)_order
                ON \(checkoutSessionsTable) (order_reference, created DESC, session_id DESC)
            """,
            """
            CREATE TABLE IF NOT EXISTS \(orderLocksTable) (
                ticket INTEGER PRIMARY KEY AUTOINCREMENT,
                order_reference TEXT NOT NULL,
                holder TEXT NOT NULL,
                queued_at REAL NOT NULL,
                acquired_at REAL,
                lease_until REAL NOT NULL
            ) STRICT
            """,
            """
            CREATE INDEX IF NOT EXISTS \(orderLocksTable)_order ON \(orderLocksTable) (order_reference, ticket)
            """,
        ]),
    ]

    /// Creates or upgrades the tables to ``currentSchemaVersion`` inside one `BEGIN IMMEDIATE` transaction (which
    /// takes the write lock first, so processes opening the file together migrate one at a time). Returns the
    /// versions applied; throws `.schemaTooNew` when the file holds a newer version than this library knows.
    static func migrate(_ connection: SQLiteConnection, path: String, logger: Logger) async throws -> [Int] {
        let context = "migrating the checkout tables of \(path)"
        func run(_ sql: String, _ binds: [SQLiteData] = []) async throws -> [SQLiteRow] {
            try await rows(sql, binds, on: connection, logger: logger)
        }
        try await databaseCall("\(context): taking the write lock", input: path) { _ = try await run("BEGIN IMMEDIATE") }
        do {
            let applied = try await databaseCall(context, input: path) { () -> [Int] in
                _ = try await run("""
                    CREATE TABLE IF NOT EXISTS \(schemaVersionsTable) (
                        version INTEGER PRIMARY KEY,
                        description TEXT NOT NULL,
                        applied_at REAL NOT NULL
                    ) STRICT
                    """)
                let current = try await run("SELECT coalesce(max(version), 0) AS version FROM \(schemaVersionsTable)")
                    .first?.column("version")?.integer ?? 0
                guard current <= currentSchemaVersion else {
                    throw SQLiteCheckoutError(
                        .schemaTooNew,
                        operation: "\(context): the file is at schema version \(current), this library knows versions up to \(currentSchemaVersion)",
                        input: String(current))
                }
                var applied: [Int] = []
                for migration in migrations where migration.version > current {
                    for statement in migration.statements { _ = try await run(statement) }
                    _ = try await run(
                        "INSERT INTO \(schemaVersionsTable) (version, description, applied_at) VALUES (?1, ?2, \(sqlNow))",
                        [.integer(migration.version), .text(migration.description)])
                    applied.append(migration.version)
                }
                return applied
            }
            try await databaseCall("\(context): committing", input: path) { _ = try await run("COMMIT") }
            return applied
        } catch {
            _ = try? await run("ROLLBACK")
            throw error
        }
    }
}
#endif
