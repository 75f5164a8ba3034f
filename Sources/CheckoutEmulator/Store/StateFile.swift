import Foundation

/// Saves and loads the emulator's state as JSON at one path; each save replaces the file
/// atomically, so a crash mid-write leaves the previous state intact.
struct StateFile: Sendable {
    let url: URL

    init(path: String) {
        self.url = URL(fileURLWithPath: path)
    }

    /// The saved state, or `nil` when no file exists yet.
    func load() throws -> EmulatorState? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let data = try Data(contentsOf: url)
        return try JSONDecoder().decode(EmulatorState.self, from: data)
    }

    /// Writes `state`, replacing the previous file in one step.
    func save(_ state: EmulatorState) throws {
        let data = try JSONEncoder.emulator.encode(state)
        try data.write(to: url, options: .atomic)
    }
}
