#if PostgreSQL
import CheckoutWorkflowsPostgres
import PostgresNIO
import Testing

@Suite("PostgreSQL schema migration", .enabled(if: TestDatabase.available, TestDatabase.skipReason))
struct MigrationTests {
    @Test("migrating applies version 1 once, creates the three tables, and a second run applies nothing")
    func idempotent() async throws {
        try await TestDatabase.withClient { client in
            let tables = try PostgresCheckoutTables(schema: TestDatabase.freshSchemaName(), prefix: "shop_")
            #expect(try await tables.migrate(client) == [1])
            #expect(try await tables.migrate(client) == [])
            let names = try await tableNames(tables.schema!, client)
            #expect(names == ["shop_checkout_sessions", "shop_processed_events", "shop_schema_versions"])
            let versions = try await client.query("SELECT count(*)::int8 FROM \(unescaped: tables.schemaVersions)").single(Int.self)
            #expect(versions == 1)
            try await TestDatabase.dropSchema(tables, client)
        }
    }

    @Test("eight migrations at once from two pools: version 1 is applied exactly once and none fails")
    func concurrent() async throws {
        let schema = TestDatabase.freshSchemaName()
        let tables = try PostgresCheckoutTables(schema: schema)
        let applied = try await TestDatabase.withClient { first in
            try await TestDatabase.withClient { second in
                try await withThrowingTaskGroup(of: [Int].self) { group in
                    for index in 0..<8 {
                        let client = index.isMultiple(of: 2) ? first : second
                        group.addTask { try await tables.migrate(client) }
                    }
                    return try await group.reduce(into: [Int]()) { $0 += $1 }
                }
            }
        }
        #expect(applied == [1])
        try await TestDatabase.withClient { client in
            #expect(try await tableNames(schema, client).count == 3)
            try await TestDatabase.dropSchema(tables, client)
        }
    }

    @Test("a database migrated by a newer version is refused, naming the version found")
    func tooNew() async throws {
        try await TestDatabase.withTables { client, tables in
            try await client.query("INSERT INTO \(unescaped: tables.schemaVersions) (version, description) VALUES (99, 'future')").drainRows()
            let error = await #expect(throws: PostgresCheckoutError.self) { try await tables.migrate(client) }
            #expect(error?.kind == .schemaTooNew)
            #expect(error?.input == "99")
        }
    }

    private func tableNames(_ schema: String, _ client: PostgresClient) async throws -> [String] {
        var names: [String] = []
        let rows = try await client.query(
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = \(schema) ORDER BY table_name")
        for try await name in rows.decode(String.self) { names.append(name) }
        return names
    }
}

@Suite("PostgreSQL table names")
struct TableNameTests {
    @Test("schema and prefix must be plain SQL identifiers", arguments: [
        (Optional("Shop"), "checkout_", "Shop"), (nil, "checkout; DROP TABLE x", "checkout; DROP TABLE x"),
        (Optional("1shop"), "", "1shop"), (Optional(""), "x_", ""),
        (nil, String(repeating: "p", count: 48), String(repeating: "p", count: 48)),
    ])
    func identifiers(schema: String?, prefix: String, offending: String) {
        let error = #expect(throws: PostgresCheckoutError.self) { try PostgresCheckoutTables(schema: schema, prefix: prefix) }
        #expect(error?.kind == .invalidIdentifier)
        #expect(error?.input == offending)
    }

    @Test("table names carry the schema and the prefix")
    func names() throws {
        let tables = try PostgresCheckoutTables(schema: "shop", prefix: "pay_")
        #expect(tables.processedEvents == "shop.pay_processed_events")
        #expect(tables.checkoutSessions == "shop.pay_checkout_sessions")
        #expect(try PostgresCheckoutTables(prefix: "").schemaVersions == "schema_versions")
    }
}
#endif
