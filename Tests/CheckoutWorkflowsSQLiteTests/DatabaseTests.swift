#if SQLite
import CheckoutWorkflowsSQLite
import Foundation
import SQLiteNIO
import Testing

@Suite("SQLite checkout database")
struct DatabaseTests {
    @Test("opening creates the file in WAL mode with the tables, applies version 1 once, and a second open applies nothing")
    func migratesOnce() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.path()
            try await SQLiteCheckoutDatabase.with(path) { database in
                #expect(database.appliedMigrations == [1])
                #expect(database.path == path)
            }
            try await SQLiteCheckoutDatabase.with(path) { database in #expect(database.appliedMigrations == []) }
            try await RawConnection.with(path) { raw in
                #expect(try await raw.value("PRAGMA journal_mode").string == "wal")
                let tables = try await raw.rows("SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'checkout_%' ORDER BY name")
                #expect(tables.compactMap { $0.column("name")?.string } == [
                    "checkout_order_locks", "checkout_processed_events", "checkout_schema_versions", "checkout_sessions",
                ])
                #expect(try await raw.value("SELECT count(*) FROM checkout_schema_versions").integer == 1)
            }
        }
    }

    /// Connections switching a new file to WAL mode together can be answered `busy` without waiting; before that
    /// answer was tried again, this failed within its first few files.
    @Test("eight opens at once on a new file, on 25 new files: version 1 is applied exactly once to each and none fails")
    func concurrentOpens() async throws {
        for _ in 0..<25 {
            try await TemporaryFolder.with { folder in
                let path = folder.path()
                let applied = try await withThrowingTaskGroup(of: [Int].self) { group in
                    for _ in 0..<8 { group.addTask { try await SQLiteCheckoutDatabase.with(path) { $0.appliedMigrations } } }
                    return try await group.reduce(into: [Int]()) { $0 += $1 }
                }
                #expect(applied == [1])
            }
        }
    }

    @Test("a file migrated by a newer version is refused, naming the version found, and left as it was")
    func tooNew() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.path()
            try await SQLiteCheckoutDatabase.with(path) { _ in }
            try await RawConnection.with(path) { raw in
                _ = try await raw.rows("INSERT INTO checkout_schema_versions (version, description, applied_at) VALUES (99, 'future', 0)")
            }
            let error = await #expect(throws: SQLiteCheckoutError.self) { try await SQLiteCheckoutDatabase.open(path: path) }
            #expect(error?.kind == .schemaTooNew)
            #expect(error?.input == "99")
            #expect(error?.description.contains(path) == true, "\(String(describing: error))")
            try await RawConnection.with(path) { raw in
                let version = try await raw.value("SELECT max(version) FROM checkout_schema_versions").integer
                #expect(version == 99)
            }
        }
    }

    @Test("a database dropped without close() closes its file by itself, and the file opens again")
    func droppedWithoutClose() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.path()
            do {
                let database = try await SQLiteCheckoutDatabase.open(path: path)
                #expect(try await SQLiteProcessedEventStore(database: database).claim("evt_dropped"))
            }
            try await Task.sleep(for: .milliseconds(100))
            let claimedAgain = try await SQLiteCheckoutDatabase.with(path) { database in
                try await SQLiteProcessedEventStore(database: database).claim("evt_dropped")
            }
            #expect(claimedAgain == false, "the claim made before the drop was committed")
        }
    }

    @Test("a file that cannot be opened gives a clear error naming it")
    func cannotOpen() async throws {
        let path = "/nonexistent-\(UUID().uuidString)/shop.sqlite"
        let error = await #expect(throws: SQLiteCheckoutError.self) { try await SQLiteCheckoutDatabase.open(path: path) }
        #expect(error?.kind == .database)
        #expect(error?.input == path)
        #expect(error?.operation == "opening the checkout database \(path)")
    }

    @Test("a write that waits longer than the busy timeout fails with an error saying what and where, and works once the file is free")
    func busyTimeout() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.path()
            try await SQLiteCheckoutDatabase.with(path, busyTimeout: .milliseconds(200)) { database in
                let store = SQLiteProcessedEventStore(database: database)
                try await RawConnection.with(path) { raw in
                    _ = try await raw.rows("BEGIN IMMEDIATE")
                    let started = ContinuousClock.now
                    let error = await #expect(throws: SQLiteCheckoutError.self) { try await store.claim("evt_busy") }
                    #expect(ContinuousClock.now - started >= .milliseconds(150), "the write waited for the busy timeout")
                    #expect(error?.kind == .database)
                    #expect(error?.operation == "claiming event evt_busy in \(path)")
                    #expect(error?.underlying?.lowercased().contains("locked") == true, "\(String(describing: error))")
                    _ = try await raw.rows("ROLLBACK")
                }
                #expect(try await store.claim("evt_busy"))
            }
        }
    }
}
#endif
