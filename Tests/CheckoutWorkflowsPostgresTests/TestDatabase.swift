#if PostgreSQL
import CheckoutWorkflowsPostgres
import Foundation
import Logging
import PostgresNIO
import Testing

/// The PostgreSQL database the tests use, named by `CHECKOUT_POSTGRES_URL` (`.ci/postgres.sh start` prints it);
/// tests that need it are skipped without.
enum TestDatabase {
    /// The URL, when set.
    static let url: String? = {
        guard let value = ProcessInfo.processInfo.environment["CHECKOUT_POSTGRES_URL"], !value.isEmpty else { return nil }
        return value
    }()

    /// Whether the database tests can run.
    static var available: Bool { url != nil }

    /// Why they are skipped otherwise.
    static let skipReason: Comment = "set CHECKOUT_POSTGRES_URL (eval \"$(.ci/postgres.sh start)\") to run the PostgreSQL tests"

    /// Runs `body` with a running client of its own (its own pool, so its own connections), then shuts it down.
    static func withClient<T: Sendable>(
        maximumConnections: Int = 20, _ body: @Sendable (PostgresClient) async throws -> T
    ) async throws -> T {
        var configuration = try PostgresClient.Configuration(databaseURL: try #require(url, skipReason))
        configuration.options.maximumConnections = maximumConnections
        let client = PostgresClient(configuration: configuration)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                await client.run()
                return nil
            }
            do {
                let result = try await body(client)
                group.cancelAll()
                return result
            } catch {
                group.cancelAll()
                throw error
            }
        }
    }

    /// Runs `body` with migrated tables in a schema of its own, which is dropped afterwards, so tests running at
    /// once never see each other's rows.
    static func withTables<T: Sendable>(
        _ body: @Sendable (PostgresClient, PostgresCheckoutTables) async throws -> T
    ) async throws -> T {
        try await withClient { client in
            let tables = try PostgresCheckoutTables(schema: freshSchemaName(), prefix: "checkout_")
            try await tables.migrate(client)
            do {
                let result = try await body(client, tables)
                try await dropSchema(tables, client)
                return result
            } catch {
                try? await dropSchema(tables, client)
                throw error
            }
        }
    }

    /// A schema name no other test uses.
    static func freshSchemaName() -> String {
        "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
    }

    static func dropSchema(_ tables: PostgresCheckoutTables, _ client: PostgresClient) async throws {
        guard let schema = tables.schema else { return }
        try await client.query("DROP SCHEMA IF EXISTS \(unescaped: schema) CASCADE").drainRows()
    }
}

extension PostgresRowSequence {
    /// Reads every row, so the statement has finished.
    func drainRows() async throws {
        for try await _ in self {}
    }

    /// The single value of a one-row, one-column result.
    func single<T: PostgresDecodable & Sendable>(_ type: T.Type) async throws -> T {
        var value: T?
        for try await decoded in decode(T.self) { value = decoded }
        return try #require(value, "the query returned no row")
    }
}

/// Drops every log line of the driver.
let testLogger = Logger(label: "CheckoutWorkflowsPostgresTests") { _ in SwiftLogNoOpLogHandler() }
#endif
