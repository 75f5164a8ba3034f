import Testing

@Suite("Store conformance: in memory")
struct InMemoryConformanceTests {
    @Test("the in-memory stores keep the promise", arguments: Promise.applying(to: InMemoryBackend().capabilities))
    func keeps(_ promise: Promise) async throws {
        try await promise.check(InMemoryBackend())
    }
}

#if SQLite
@Suite("Store conformance: SQLite")
struct SQLiteConformanceTests {
    @Test("the SQLite stores keep the promise", arguments: Promise.applying(to: SQLiteBackend().capabilities))
    func keeps(_ promise: Promise) async throws {
        try await promise.check(SQLiteBackend())
    }
}

#endif

#if PostgreSQL
@Suite("Store conformance: PostgreSQL", .enabled(if: PostgresBackend.url != nil, PostgresBackend.skipReason))
struct PostgresConformanceTests {
    @Test("the PostgreSQL stores keep the promise", arguments: Promise.applying(to: PostgresBackend().capabilities))
    func keeps(_ promise: Promise) async throws {
        try await promise.check(PostgresBackend())
    }
}
#endif
