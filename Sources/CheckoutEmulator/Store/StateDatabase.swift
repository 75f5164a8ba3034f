#if Emulator
import Foundation
import Logging
import NIOCore
import SQLiteNIO

/// The emulator's state in an SQLite file: one row per object, and one transaction per change, so a change costs
/// the same however many objects the file holds. WAL journal: a committed change survives the process being killed.
/// A JSON state file an earlier version wrote is read once and replaced by the database (see ``open(path:)``).
actor StateDatabase {
    /// The layout this version writes; a file a newer version made is refused.
    static let schemaVersion = 1

    private let connection: SQLiteConnection
    let path: String

    private init(connection: SQLiteConnection, path: String) {
        self.connection = connection
        self.path = path
    }

    /// Opens (or creates) the database at `path` and reads the state it holds. A JSON state file there is
    /// migrated first: written into a new database beside it, which then replaces it in one rename.
    static func open(path: String) async throws -> (StateDatabase, EmulatorState) {
        if let legacy = try StateFile(path: path).loadIfJSON() {
            try await migrate(legacy, to: path)
        }
        let database = StateDatabase(connection: try await connect(path), path: path)
        do {
            try await database.prepare()
            return (database, try await database.read())
        } catch {
            await database.close()
            throw error
        }
    }

    /// Writes `rows` in one transaction: each row replaces the object of its kind and id, or removes it.
    func write(_ rows: [StateRow]) async throws {
        guard !rows.isEmpty else { return }
        _ = try await connection.query("BEGIN IMMEDIATE")
        do {
            for row in rows {
                if let body = row.body {
                    _ = try await connection.query("""
                        INSERT INTO emulator_objects (kind, id, body) VALUES (?, ?, ?)
                        ON CONFLICT (kind, id) DO UPDATE SET body = excluded.body
                        """, [.text(row.kind), .text(row.id), .blob(ByteBuffer(bytes: body))])
                } else {
                    _ = try await connection.query("DELETE FROM emulator_objects WHERE kind = ? AND id = ?",
                                                   [.text(row.kind), .text(row.id)])
                }
            }
            _ = try await connection.query("COMMIT")
        } catch {
            _ = try? await connection.query("ROLLBACK")
            throw error
        }
    }

    /// Closes the file; the WAL is folded back into it.
    func close() async {
        try? await connection.close()
    }

    private static func connect(_ path: String) async throws -> SQLiteConnection {
        do {
            return try await SQLiteConnection.open(storage: .file(path: path),
                                                   logger: Logger(label: "checkout-emulator.state"))
        } catch {
            throw StateDatabaseError("cannot open \(path) as an SQLite database: \(error)")
        }
    }

    /// WAL with `synchronous = NORMAL` (a commit is durable once the process hands it to the system), a wait for a
    /// lock instead of failing at once, and the table, made when missing.
    private func prepare() async throws {
        // The busy timeout first: until it is set, a locked file fails at once (or spins), journal_mode included.
        _ = try await connection.query("PRAGMA busy_timeout = 5000")
        _ = try await connection.query("PRAGMA journal_mode = WAL")
        _ = try await connection.query("PRAGMA synchronous = NORMAL")
        let version = try await connection.query("PRAGMA user_version").first?.column("user_version")?.integer ?? 0
        guard version <= Self.schemaVersion else {
            throw StateDatabaseError("\(path) was written by a newer emulator (state layout \(version), this one "
                                     + "reads up to \(Self.schemaVersion)); use that version or another file")
        }
        guard version < Self.schemaVersion else { return }
        _ = try await connection.query("BEGIN IMMEDIATE")
        _ = try await connection.query("""
            CREATE TABLE IF NOT EXISTS emulator_objects (
                kind TEXT NOT NULL, id TEXT NOT NULL, body BLOB NOT NULL, PRIMARY KEY (kind, id))
            """)
        _ = try await connection.query("PRAGMA user_version = \(Self.schemaVersion)")
        _ = try await connection.query("COMMIT")
    }

    /// Every row, in the order each was first written (rowid: an update keeps its row's place).
    private func read() async throws -> EmulatorState {
        let rows = try await connection.query("SELECT kind, id, body FROM emulator_objects ORDER BY rowid")
        return try EmulatorState(rows: rows.map { row in
            StateRow(kind: row.column("kind")?.string ?? "", id: row.column("id")?.string ?? "",
                     body: row.column("body")?.blob.map { Data(buffer: $0) })
        })
    }

    /// Writes `state` into a new database beside `path`, then renames it over `path`: until the rename the JSON
    /// file is untouched, after it the database holds everything. A half-made database of an interrupted
    /// migration is removed first.
    private static func migrate(_ state: EmulatorState, to path: String) async throws {
        let temporary = path + ".migrating"
        for leftover in [temporary, temporary + "-wal", temporary + "-shm", temporary + "-journal"] {
            try? FileManager.default.removeItem(atPath: leftover)
        }
        let database = StateDatabase(connection: try await connect(temporary), path: temporary)
        do {
            try await database.prepare()
            try await database.write(try state.allRows)
            _ = try await database.connection.query("PRAGMA wal_checkpoint(TRUNCATE)")
            _ = try await database.connection.query("PRAGMA journal_mode = DELETE")
        } catch {
            await database.close()
            throw StateDatabaseError("cannot migrate the JSON state file \(path): \(error)")
        }
        await database.close()
        guard rename(temporary, path) == 0 else {
            throw StateDatabaseError("cannot replace \(path) with its migrated database: \(String(cString: strerror(errno)))")
        }
    }
}

/// Why the state database could not be opened, read or migrated.
struct StateDatabaseError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
#endif
