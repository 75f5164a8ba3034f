#if PostgreSQL
import Foundation
import PostgresNIO

extension PostgresClient.Configuration {
    /// A configuration from a `postgres://user:password@host:port/database` URL (the form `DATABASE_URL` and
    /// `psql` use); `sslmode=disable` in the query turns TLS off, otherwise TLS is preferred.
    /// Throws ``PostgresCheckoutError`` of kind `.invalidIdentifier` naming the URL (without its password).
    public init(databaseURL: String) throws {
        guard let components = URLComponents(string: databaseURL),
              components.scheme == "postgres" || components.scheme == "postgresql",
              let host = components.host, !host.isEmpty,
              let user = components.user, !user.isEmpty else {
            var shown = URLComponents(string: databaseURL)
            if shown?.password != nil { shown?.password = "…" }
            throw PostgresCheckoutError(
                .invalidIdentifier, operation: "reading a database URL (postgres://user[:password]@host[:port][/database])",
                input: shown?.string ?? "(not a URL)")
        }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        let sslMode = components.queryItems?.first { $0.name == "sslmode" }?.value
        let tls: TLS = sslMode == "disable" ? .disable : .prefer(.makeClientConfiguration())
        self.init(host: host, port: components.port ?? 5432, username: user, password: components.password,
                  database: database.isEmpty ? nil : database, tls: tls)
    }
}
#endif
