#if SQLite
import CheckoutWorkflows
import CheckoutWorkflowsSQLite
import Foundation

/// The SQLite stores on a database file in a temporary folder of their own; each `open` opens the file again.
struct SQLiteBackend: Backend {
    var name: String { "SQLite" }
    var capabilities: Set<Capability> { [.claimLeases, .survivesRestart] }

    func withStorage(_ body: @Sendable (_ open: @Sendable () async throws -> Stores) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("checkout-conformance-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("shop.sqlite").path
        let opened = OpenedDatabases()
        do {
            try await body {
                let database = try await SQLiteCheckoutDatabase.open(path: path)
                await opened.add(database)
                return Stores(
                    events: { SQLiteProcessedEventStore(database: database, lease: $0) },
                    index: SQLiteCheckoutSessionIndex(database: database),
                    lock: SQLiteOrderLock(database: database),
                    close: { try await opened.close(database) })
            }
        } catch {
            await opened.closeAll()
            throw error
        }
        await opened.closeAll()
    }

    func isClaimLost(_ error: any Error) -> Bool { (error as? SQLiteCheckoutError)?.kind == .claimLost }
}

/// The databases a check opened and has not closed yet.
private actor OpenedDatabases {
    private var databases: [ObjectIdentifier: SQLiteCheckoutDatabase] = [:]

    func add(_ database: SQLiteCheckoutDatabase) { databases[ObjectIdentifier(database)] = database }

    func close(_ database: SQLiteCheckoutDatabase) async throws {
        guard databases.removeValue(forKey: ObjectIdentifier(database)) != nil else { return }
        try await database.close()
    }

    func closeAll() async {
        for database in databases.values { try? await database.close() }
        databases = [:]
    }
}
#endif
