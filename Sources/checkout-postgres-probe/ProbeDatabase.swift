#if PostgreSQL
import CheckoutWorkflowsPostgres
import PostgresNIO

extension DatabaseOptions {
    /// Runs `body` with a running client for the database and its checkout tables, then shuts the client down.
    func withClient<T: Sendable>(
        _ body: @Sendable (PostgresClient, PostgresCheckoutTables) async throws -> T
    ) async throws -> T {
        let tables = try PostgresCheckoutTables(schema: schema, prefix: prefix)
        let client = PostgresClient(configuration: try .init(databaseURL: url))
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                await client.run()
                return nil
            }
            let result = try await body(client, tables)
            group.cancelAll()
            return result
        }
    }
}
#endif
