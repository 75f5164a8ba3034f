#if Emulator
import Foundation
import NIOCore
import SQLiteNIO

/// The emulator's state database read and edited from outside, the way only another program (or an older version)
/// could have left it: one JSON object per row, by kind and id.
enum SavedState {
    /// The ids of one kind's rows, in the order they were first written.
    static func ids(_ kind: String, at path: String) async throws -> [String] {
        try await withConnection(path) { connection in
            try await connection.query("SELECT id FROM emulator_objects WHERE kind = ? ORDER BY rowid", [.text(kind)])
                .compactMap { $0.column("id")?.string }
        }
    }

    /// Rewrites one object with `change` applied to its JSON.
    static func edit(_ kind: String, _ id: String, at path: String,
                     _ change: @escaping @Sendable (inout [String: Any]) -> Void) async throws {
        try await withConnection(path) { connection in
            let rows = try await connection.query("SELECT body FROM emulator_objects WHERE kind = ? AND id = ?",
                                                  [.text(kind), .text(id)])
            guard let body = rows.first?.column("body")?.blob,
                  var object = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any] else {
                throw SavedStateError(description: "no \(kind) row \(id) in \(path)")
            }
            change(&object)
            let edited = try JSONSerialization.data(withJSONObject: object)
            _ = try await connection.query("UPDATE emulator_objects SET body = ? WHERE kind = ? AND id = ?",
                                           [.blob(ByteBuffer(bytes: edited)), .text(kind), .text(id)])
        }
    }

    /// Runs `body` with a connection to the database at `path`, closed afterwards.
    static func withConnection<T: Sendable>(
        _ path: String, _ body: @Sendable (SQLiteConnection) async throws -> T
    ) async throws -> T {
        let connection = try await SQLiteConnection.open(storage: .file(path: path))
        do {
            let result = try await body(connection)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }
}

struct SavedStateError: Error, CustomStringConvertible {
    var description: String
}
#endif
