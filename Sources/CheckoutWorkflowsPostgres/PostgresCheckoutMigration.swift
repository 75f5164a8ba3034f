#if PostgreSQL
import Logging
import PostgresNIO

/// One step of the schema: a version number, what it does, and its statements (each run on its own, since
/// the extended query protocol takes one statement at a time).
struct PostgresCheckoutMigration: Sendable {
    let version: Int
    let description: String
    let statements: @Sendable (PostgresCheckoutTables) -> [String]
}

extension PostgresCheckoutTables {
    /// The schema version this library writes and reads.
    public static let currentSchemaVersion = 1

    /// Every step, oldest first.
    static let migrations: [PostgresCheckoutMigration] = [
        PostgresCheckoutMigration(version: 1, description: "processed events and the checkout session index") { tables in
            [
                """
                CREATE TABLE IF NOT EXISTS \(tables.processedEvents) (
                    event_id text PRIMARY KEY,
                    state text NOT NULL CHECK (state IN ('claimed', 'handled', 'released')),
                    claim_token uuid,
                    attempts integer NOT NULL DEFAULT 1,
                    first_seen_at timestamptz NOT NULL DEFAULT now(),
                    claimed_at timestamptz NOT NULL DEFAULT now(),
                    lease_until timestamptz,
                    finished_at timestamptz
                )
                """,
                """
                CREATE INDEX IF NOT EXISTS \(tables.unqualified("processed_events_first_seen"))
                    ON \(tables.processedEvents) (first_seen_at)
                """,
                """
                CREATE TABLE IF NOT EXISTS \(tables.checkoutSessions) (
                    session_id text PRIMARY KEY,
                    order_reference text NOT NULL,
                    cart_fingerprint text,
                    status text NOT NULL,
                    payment_status text NOT NULL,
                    created timestamptz NOT NULL,
                    expires_at timestamptz NOT NULL,
                    recorded_at timestamptz NOT NULL DEFAULT now(),
                    updated_at timestamptz NOT NULL DEFAULT now()
                )
                """,
                """
                CREATE INDEX IF NOT EXISTS \(tables.unqualified("checkout_sessions_order"))
                    ON \(tables.checkoutSessions) (order_reference, created DESC, session_id COLLATE "C" DESC)
                """,
            ]
        },
    ]

    /// Creates or upgrades the tables to ``currentSchemaVersion``; safe to call at every start and from several
    /// processes at once (an advisory lock serialises them, and each step commits with its version row).
    /// Throws ``PostgresCheckoutError`` (`.schemaTooNew` when a newer library already migrated the database).
    /// Returns the versions this call applied, empty when the schema was current.
    @discardableResult
    public func migrate(_ client: PostgresClient, logger: Logger? = nil) async throws -> [Int] {
        let logger = logger ?? .checkoutPostgresSilent
        let key = AdvisoryLockKey(namespace: "checkout-workflows-postgres:migration", name: schemaVersions)
        return try await client.withConnection { connection in
            try await databaseCall("taking the migration lock \(key) for \(schemaVersions)") {
                try await connection.query("SELECT pg_advisory_lock(\(key.value))", logger: logger).drain()
            }
            do {
                let applied = try await migrateHoldingLock(connection, logger: logger)
                try await connection.query("SELECT pg_advisory_unlock(\(key.value))", logger: logger).drain()
                return applied
            } catch {
                // Closing the session is the one sure way to drop its advisory lock; the pool discards it.
                try? await connection.close()
                throw error
            }
        }
    }

    private func migrateHoldingLock(_ connection: PostgresConnection, logger: Logger) async throws -> [Int] {
        let context = "migrating \(schemaVersions)"
        if let schema {
            try await databaseCall(context, input: schema) {
                try await connection.query("CREATE SCHEMA IF NOT EXISTS \(unescaped: schema)", logger: logger).drain()
            }
        }
        let current = try await databaseCall(context) { () -> Int in
            try await connection.query("""
                CREATE TABLE IF NOT EXISTS \(unescaped: schemaVersions) (
                    version integer PRIMARY KEY,
                    description text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, logger: logger).drain()
            let rows = try await connection.query(
                "SELECT coalesce(max(version), 0)::int8 FROM \(unescaped: schemaVersions)", logger: logger)
            var version = 0
            for try await value in rows.decode(Int.self) { version = value }
            return version
        }
        guard current <= Self.currentSchemaVersion else {
            throw PostgresCheckoutError(
                .schemaTooNew, operation: "\(context): this library knows versions up to \(Self.currentSchemaVersion)",
                input: String(current))
        }
        var applied: [Int] = []
        for migration in Self.migrations where migration.version > current {
            try await databaseCall("\(context) to version \(migration.version)") {
                try await connection.withTransaction(logger: logger) { connection in
                    for statement in migration.statements(self) {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger).drain()
                    }
                    try await connection.query("""
                        INSERT INTO \(unescaped: schemaVersions) (version, description)
                        VALUES (\(migration.version), \(migration.description))
                        """, logger: logger).drain()
                }
            }
            applied.append(migration.version)
        }
        return applied
    }
}

extension PostgresRowSequence {
    /// Reads every row and drops it, so the statement has finished before the next one is sent.
    func drain() async throws {
        for try await _ in self {}
    }
}
#endif
