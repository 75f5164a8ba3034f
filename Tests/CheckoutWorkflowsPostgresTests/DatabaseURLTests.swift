#if PostgreSQL
import CheckoutWorkflowsPostgres
import PostgresNIO
import Testing

@Suite("PostgreSQL database URLs")
struct DatabaseURLTests {
    @Test("a postgres URL gives host, port, user, password and database; sslmode=disable turns TLS off")
    func parses() throws {
        let configuration = try PostgresClient.Configuration(
            databaseURL: "postgresql://shop:p%40ss@db.internal:6543/orders?sslmode=disable")
        #expect(configuration.host == "db.internal")
        #expect(configuration.port == 6543)
        #expect(configuration.username == "shop")
        #expect(configuration.password == "p@ss")
        #expect(configuration.database == "orders")
        let defaults = try PostgresClient.Configuration(databaseURL: "postgres://shop@localhost")
        #expect(defaults.port == 5432)
        #expect(defaults.database == nil)
        #expect(defaults.password == nil)
    }

    @Test("a malformed URL is refused without showing its password", arguments: [
        "mysql://shop:secret@db/orders", "postgres://db.internal/orders", "postgres://shop:secret@/orders", "not a url",
    ])
    func refuses(url: String) {
        let error = #expect(throws: PostgresCheckoutError.self) { try PostgresClient.Configuration(databaseURL: url) }
        #expect(error?.kind == .invalidIdentifier)
        #expect(error?.description.contains("secret") == false)
    }
}
#endif
