#if SQLite
import CheckoutWorkflowsSQLite
import Foundation
import Logging
import SQLiteNIO
import Testing

/// A folder of its own under the temporary directory, removed afterwards, for the database files of one test.
struct TemporaryFolder: Sendable {
    let url: URL

    /// A database file path in the folder.
    func path(_ name: String = "shop.sqlite") -> String { url.appendingPathComponent(name).path }

    /// Runs `body` with a fresh folder, then removes it.
    static func with<T: Sendable>(_ body: @Sendable (TemporaryFolder) async throws -> T) async throws -> T {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("checkout-sqlite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        return try await body(TemporaryFolder(url: url))
    }
}

extension SQLiteCheckoutDatabase {
    /// Runs `body` with the database at `path` open, then closes it.
    static func with<T: Sendable>(
        _ path: String, busyTimeout: Duration = .seconds(5), _ body: @Sendable (SQLiteCheckoutDatabase) async throws -> T
    ) async throws -> T {
        let database = try await SQLiteCheckoutDatabase.open(path: path, busyTimeout: busyTimeout)
        do {
            let result = try await body(database)
            try await database.close()
            return result
        } catch {
            try? await database.close()
            throw error
        }
    }
}

/// A plain SQLiteNIO connection to a test's file, for looking at (and tampering with) the tables from outside the
/// stores, as another program would.
struct RawConnection: Sendable {
    let connection: SQLiteConnection

    /// Runs `body` with a connection to `path` (a busy timeout of 5 s), then closes it.
    static func with<T: Sendable>(_ path: String, _ body: @Sendable (RawConnection) async throws -> T) async throws -> T {
        let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: silentLogger)
        let raw = RawConnection(connection: connection)
        do {
            _ = try await raw.rows("PRAGMA busy_timeout = 5000")
            let result = try await body(raw)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// The rows of `sql`.
    func rows(_ sql: String, _ binds: [SQLiteData] = []) async throws -> [SQLiteRow] {
        try await connection.query(sql, binds)
    }

    /// The single value of a one-row, one-column result.
    func value(_ sql: String, _ binds: [SQLiteData] = []) async throws -> SQLiteData {
        let row = try #require(try await rows(sql, binds).first, "no row from \(sql)")
        return try #require(row.columns.first?.data, "no column from \(sql)")
    }
}

/// Drops every log line of SQLiteNIO.
let silentLogger = Logger(label: "CheckoutWorkflowsSQLiteTests") { _ in SwiftLogNoOpLogHandler() }
#endif
