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
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder.isEmpty ? "." : folder, withIntermediateDirectories: true)
        } catch {
            throw Failure(path: path, reason: "cannot write: \(error.localizedDescription)")
        }
        try writeAtomically(data, to: path, replacing: true)
        return true
    }

    /// Distinguishes the temporary files of one process.
    nonisolated(unsafe) private static var counter = 0
    private static let processID = getpid()

    /// Writes `data` to a temporary file next to `path`, then renames it over `path`: readers see the old bytes or
    /// the new ones, never a partial file. Five system calls (open, write, close, rename; unlink on failure), where
    /// `Data.write(to:options: .atomic)` also creates and removes a temporary folder and checks the destination.
    /// The folder must exist. `replacing`: `path` may exist, and the new file keeps its permissions.
    static func writeAtomically(_ data: Data, to path: String, replacing: Bool) throws {
        counter += 1
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        // Not `.swift`, and hidden, so a folder scan never takes it for a generated file.
        let temporary = folder + "." + name + ".tmp-\(processID)-\(counter)"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw failure(path, "cannot write") }
        if replacing {
            var existing = stat()
            if stat(path, &existing) == 0 { _ = fchmod(descriptor, existing.st_mode & 0o7777) }
        }
        var ok = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += count
            }
            return true
        }
        let writeErrno = errno
        if close(descriptor) != 0, ok { ok = false }
        guard ok else {
            let saved = errno == 0 ? writeErrno : errno
            unlink(temporary)
            errno = saved
            throw failure(path, "cannot write")
        }
        guard rename(temporary, path) == 0 else {
            let saved = errno
            unlink(temporary)
            errno = saved
            throw failure(path, "cannot write")
        }
    }

    private static func failure(_ path: String, _ what: String) -> Failure {
        Failure(path: path, reason: "\(what): \(String(cString: strerror(errno)))")
    }
}
