import Foundation
import ParallelWork

/// What `generate` does to its output folder, for files already rendered: `drift()` names what differs, `apply()`
/// writes it (through an ``OutputSession``, several files at a time).
public struct OutputPlan: Sendable {
    /// What writing did.
    public struct Summary: Sendable, Hashable {
        /// How many files were written because they were new or differed.
        public var written: Int
        /// How many files already held the same bytes and were left alone.
        public var unchanged: Int
        /// How many stale generated files were deleted.
        public var removed: Int

        /// Creates a summary from the three counts.
        public init(written: Int, unchanged: Int, removed: Int) {
            self.written = written
            self.unchanged = unchanged
            self.removed = removed
        }
    }

    let files: [GeneratedFile]
    let folder: String

    /// Creates a plan to put `files` into `folder`; nothing is read or written until `drift()` or `apply()`.
    public init(files: [GeneratedFile], folder: String) {
        self.files = files
        self.folder = folder
    }

    private func fullPath(_ relative: String) -> String { folder + "/" + relative }

    /// One line per file that is missing, different or stale.
    public func drift() -> [String] {
        var lines: [String] = []
        for file in files {
            let path = fullPath(file.path)
            var contents = file.contents
            if contents.withUTF8({ FileWriter.isCurrent(UnsafeRawBufferPointer($0), at: path) }) { continue }
            let exists = FileManager.default.fileExists(atPath: path)
            lines.append("\(path): error: \(exists ? "differs from the spec" : "missing")")
        }
        for path in OutputFolder.staleFiles(in: folder, wanted: Set(files.map(\.path))) {
            lines.append("\(fullPath(path)): error: stale generated file")
        }
        return lines
    }

    /// Writes what changed and removes stale generated files, by the rules of ``OutputSession``; large outputs are
    /// written on every core.
    public func apply() throws -> Summary {
        let session = OutputSession(folder: folder)
        _ = ParallelMap.map(files) { session.write($0) }
        return try session.finish()
    }
}
