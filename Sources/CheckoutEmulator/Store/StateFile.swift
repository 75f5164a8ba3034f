#if Emulator
import Foundation

/// A JSON state file as versions before the state database wrote it: read once, to be migrated.
struct StateFile: Sendable {
    let url: URL

    init(path: String) {
        self.url = URL(fileURLWithPath: path)
    }

    /// The state the file holds when it is a JSON state file; nil when there is no file, or it is not JSON (an
    /// SQLite database starts with `SQLite format 3`, a JSON state with `{`).
    func loadIfJSON() throws -> EmulatorState? {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { return nil }
        let first = try handle.read(upToCount: 1)
        try handle.close()
        guard first == Data("{".utf8) else { return nil }
        do {
            return try JSONDecoder().decode(EmulatorState.self, from: try Data(contentsOf: url))
        } catch {
            throw StateDatabaseError("\(url.path) is not a state file this emulator reads: \(error)")
        }
    }
}
#endif
