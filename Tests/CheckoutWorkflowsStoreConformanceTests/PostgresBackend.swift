#if PostgreSQL
import CheckoutWorkflows
import CheckoutWorkflowsPostgres
import Foundation
import PostgresNIO
import Testing

/// The PostgreSQL stores in a schema of their own on the database `CHECKOUT_POSTGRES_URL` names (dropped after the
/// check); each `open` makes new store instances on a client of its own, as another server would.
struct PostgresBackend: Backend {
    var name: String { "PostgreSQL" }
    var capabilities: Set<Capability> { [.claimLeases, .survivesRestart] }

    /// The database URL, when set.
    static let url: String? = {
        guard let value = ProcessInfo.processInfo.environment["CHECKOUT_POSTGRES_URL"], !value.isEmpty else { return nil }
        return value
    }()

    /// Why the PostgreSQL checks are skipped without it.
    static let skipReason: Comment = "set CHECKOUT_POSTGRES_URL (eval \"$(.ci/postgres.sh start)\") to run the PostgreSQL conformance checks"

    func withStorage(_ body: @Sendable (_ open: @Sendable () async throws -> Stores) async throws -> Void) async throws {
        let url = try #require(Self.url, Self.skipReason)
        let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        let tables = try PostgresCheckoutTables(schema: schema)
        let clients = RunningClients()
        do {
            let admin = try await clients.start(url)
            try await tables.migrate(admin)
            try await body {
                let client = try await clients.start(url)
                return Stores(
                    events: { PostgresProcessedEventStore(client: client, tables: tables, lease: $0) },
                    index: PostgresCheckoutSessionIndex(client: client, tables: tables),
                    lock: PostgresOrderLock(client: client),
                    close: {})
            }
            try await admin.query("DROP SCHEMA IF EXISTS \(unescaped: schema) CASCADE")
        } catch {
            await clients.stopAll()
            throw error
        }
        await clients.stopAll()
    }

    func isClaimLost(_ error: any Error) -> Bool { (error as? PostgresCheckoutError)?.kind == .claimLost }
}

/// PostgreSQL clients running in tasks of their own until `stopAll`.
private actor RunningClients {
    private var runs: [Task<Void, Never>] = []

    func start(_ url: String) throws -> PostgresClient {
        let client = PostgresClient(configuration: try .init(databaseURL: url))
        runs.append(Task { await client.run() })
        return client
    }

    func stopAll() async {
        for run in runs { run.cancel() }
        for run in runs { await run.value }
        runs = []
    }
}
#endif
