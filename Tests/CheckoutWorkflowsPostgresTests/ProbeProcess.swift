#if PostgreSQL
import ProbeProcessSupport
import Testing

extension ProbeProcess {
    /// Starts `checkout-postgres-probe` with `arguments`.
    convenience init(_ arguments: [String]) throws {
        try self.init(executable: "checkout-postgres-probe", arguments)
    }
}

/// Arguments naming the database and the tables for the probe.
func probeDatabaseArguments(_ schema: String) throws -> [String] {
    ["--url", try #require(TestDatabase.url), "--schema", schema]
}
#endif
