import Foundation

/// Writes files atomically and only when their bytes change, so unchanged outputs keep their modification times.
enum FileWriter {
    /// A file that could not be written, and why.
    struct Failure: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "\(path): error: \(reason)" }
    }

    /// Whether the file at `path` already holds exactly `data`.
    static func isCurrent(_ data: Data, at path: String) -> Bool {
        FileManager.default.contents(atPath: path) == data
    }

    /// Writes `data` to `path` through a temporary file and a rename; returns false when the file was already current.
    @discardableResult
    static func writeIfChanged(_ data: Data, to path: String) throws -> Bool {
        if isCurrent(data, at: path) { return false }
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
        } catch {
            throw Failure(path: path, reason: "cannot write: \(error.localizedDescription)")
        }
        return true
    }
}
