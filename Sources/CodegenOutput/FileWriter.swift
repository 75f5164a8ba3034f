import Foundation

/// Writes files atomically and only when their bytes change, so unchanged outputs keep their modification times.
public enum FileWriter {
    /// A file that could not be written, and why.
    public struct Failure: Error, CustomStringConvertible {
        /// The file that could not be written.
        public var path: String
        /// Why it could not be written, in one line.
        public var reason: String
        /// `path: error: reason`, the form diagnostics print.
        public var description: String { "\(path): error: \(reason)" }
    }

    /// Whether the file at `path` already holds exactly `data`.
    public static func isCurrent(_ data: Data, at path: String) -> Bool {
        data.withUnsafeBytes { isCurrent($0, at: path) }
    }

    /// Writes `data` to `path` through a temporary file and a rename; returns false when the file was already current.
    @discardableResult
    public static func writeIfChanged(_ data: Data, to path: String) throws -> Bool {
        if isCurrent(data, at: path) { return false }
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder.isEmpty ? "." : folder, withIntermediateDirectories: true)
        } catch {
            throw Failure(path: path, reason: "cannot write: \(error.localizedDescription)")
        }
        try data.withUnsafeBytes { bytes in try writeAtomically(bytes, to: path, replacing: true) }
        return true
    }

    static func isCurrent(_ bytes: UnsafeRawBufferPointer, at path: String) -> Bool {
        guard let existing = FileManager.default.contents(atPath: path), existing.count == bytes.count else { return false }
        return existing.withUnsafeBytes { existing in
            guard let left = existing.baseAddress, let right = bytes.baseAddress else { return true }
            return memcmp(left, right, bytes.count) == 0
        }
    }

    /// Numbers the temporary files of one process; writers on several threads take numbers from it.
    private static let temporaryNumbers = TemporaryNumbers()
    private static let processID = getpid()

    /// Writes `bytes` to a temporary file next to `path`, then renames it over `path`: readers see the old bytes or
    /// the new ones, never a partial file. Five system calls (open, write, close, rename; unlink on failure), where
    /// `Data.write(to:options: .atomic)` also creates and removes a temporary folder and checks the destination.
    /// The folder must exist. `replacing`: `path` may exist, and the new file keeps its permissions.
    static func writeAtomically(_ bytes: UnsafeRawBufferPointer, to path: String, replacing: Bool) throws {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        // Not `.swift`, and hidden, so a folder scan never takes it for a generated file.
        let temporary = folder + "." + name + ".tmp-\(processID)-\(temporaryNumbers.next())"
        try writeNew(bytes, to: temporary, reportedAs: path) { descriptor in
            guard replacing else { return }
            var existing = stat()
            if stat(path, &existing) == 0 { _ = fchmod(descriptor, existing.st_mode & 0o7777) }
        }
        guard rename(temporary, path) == 0 else {
            let saved = errno
            unlink(temporary)
            errno = saved
            throw failure(path, "cannot write")
        }
    }

    /// Creates `path`, which must not exist yet, and writes `bytes` into it; on failure nothing is left behind.
    /// For files nobody can be reading yet, such as those in a folder that is renamed into place afterwards.
    static func writeNew(_ bytes: UnsafeRawBufferPointer, to path: String, reportedAs reported: String? = nil,
                         prepare: (Int32) -> Void = { _ in }) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw failure(reported ?? path, "cannot write") }
        prepare(descriptor)
        var ok = true
        if let base = bytes.baseAddress {
            var offset = 0
            while offset < bytes.count {
                let count = write(descriptor, base + offset, bytes.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    ok = false
                    break
                }
                offset += count
            }
        }
        let writeErrno = errno
        if close(descriptor) != 0, ok { ok = false }
        guard ok else {
            let saved = errno == 0 ? writeErrno : errno
            unlink(path)
            errno = saved
            throw failure(reported ?? path, "cannot write")
        }
    }

    static func failure(_ path: String, _ what: String) -> Failure {
        Failure(path: path, reason: "\(what): \(String(cString: strerror(errno)))")
    }
}

/// A counter several threads can draw from.
private final class TemporaryNumbers: @unchecked Sendable {
    private let lock = NSLock()
    private var last = 0

    func next() -> Int {
        lock.withLock {
            last += 1
            return last
        }
    }
}
