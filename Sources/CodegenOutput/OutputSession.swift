import Foundation

/// Writes generated files into an output folder as they are handed over, from any thread, so writing overlaps
/// rendering. A new or empty folder is filled in a hidden staging folder beside it that `finish()` renames into
/// place: the folder appears complete or not at all. An existing folder gets each changed file atomically, leaves
/// unchanged files untouched, and loses its stale generated files at `finish()`; files without the generated
/// header are never touched.
public final class OutputSession: @unchecked Sendable {
    /// Where the files go until `finish()`.
    private enum Target {
        /// A hidden folder beside the (missing or empty) output folder, renamed over it at the end.
        case staging(String)
        /// The output folder itself, file by file; `isEmpty`: nothing there to compare with or keep.
        case inPlace(isEmpty: Bool)
    }

    /// The output folder the files end up in.
    public let folder: String
    private let target: Target
    private let lock = NSLock()
    // Guarded by `lock`.
    private var received: [GeneratedFile] = []
    private var written = 0
    private var createdFolders: Set<String> = []
    private var failure: (any Error)?
    private var finished = false

    /// Opens `folder` for writing: a missing or empty one is staged (see ``OutputSession``), unless it is a symbolic
    /// link or `.`, or the staging folder cannot be made, in which case files are written into it one by one.
    public init(folder: String) {
        self.folder = folder
        let isEmpty = OutputFolder.isEmpty(folder)
        if isEmpty, let staging = StagingFolder.create(for: folder) {
            target = .staging(staging)
        } else {
            target = .inPlace(isEmpty: isEmpty)
        }
    }

    deinit {
        if !finished, case .staging(let staging) = target { try? FileManager.default.removeItem(atPath: staging) }
    }

    /// Writes `file`, or records why it could not be written (`finish()` throws it). After a failure, later files
    /// are not written.
    public func write(_ file: GeneratedFile) {
        let stop = lock.withLock {
            received.append(file)
            return failure != nil
        }
        if stop { return }
        do {
            if try write(file, into: target) { lock.withLock { written += 1 } }
        } catch {
            lock.withLock { if failure == nil { failure = error } }
        }
    }

    /// Completes the output: renames the staging folder into place, or removes the stale generated files. Throws
    /// the first write failure, leaving no staging folder behind.
    public func finish() throws -> OutputPlan.Summary {
        let (files, failure) = lock.withLock {
            finished = true
            return (received, self.failure)
        }
        switch target {
        case .staging(let staging):
            if let failure {
                try? FileManager.default.removeItem(atPath: staging)
                throw failure
            }
            if StagingFolder.rename(staging, over: folder) {
                return OutputPlan.Summary(written: files.count, unchanged: 0, removed: 0)
            }
            // The folder changed under us, or cannot be replaced: write into it instead.
            try? FileManager.default.removeItem(atPath: staging)
            let fallback = OutputSession(inPlaceOf: folder)
            for file in files { fallback.write(file) }
            return try fallback.finish()
        case .inPlace:
            if let failure { throw failure }
            let stale = OutputFolder.staleFiles(in: folder, wanted: Set(files.map(\.path)))
            for path in stale {
                try FileManager.default.removeItem(atPath: folder + "/" + path)
            }
            return OutputPlan.Summary(written: written, unchanged: files.count - written, removed: stale.count)
        }
    }

    private init(inPlaceOf folder: String) {
        self.folder = folder
        target = .inPlace(isEmpty: OutputFolder.isEmpty(folder))
    }

    /// Writes one file; returns false when it was already current.
    private func write(_ file: GeneratedFile, into target: Target) throws -> Bool {
        let reported = folder + "/" + file.path
        var contents = file.contents
        return try contents.withUTF8 { utf8 in
            let bytes = UnsafeRawBufferPointer(utf8)
            switch target {
            case .staging(let staging):
                let path = staging + "/" + file.path
                try createFolder(of: path, reportedAs: reported)
                try FileWriter.writeNew(bytes, to: path, reportedAs: reported)
            case .inPlace(let isEmpty):
                if !isEmpty, FileWriter.isCurrent(bytes, at: reported) { return false }
                try createFolder(of: reported, reportedAs: reported)
                try FileWriter.writeAtomically(bytes, to: reported, replacing: !isEmpty)
            }
            return true
        }
    }

    /// Creates the folder `path` goes in, once per session. A failure names `reported`, the file's place in the output.
    /// `path` is always a folder, a slash and a file name; the folder is cut at the last slash because
    /// `NSString.deletingLastPathComponent` costs about 47,000 instructions a call on Linux.
    private func createFolder(of path: String, reportedAs reported: String) throws {
        let parent = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        try lock.withLock {
            guard !createdFolders.contains(parent) else { return }
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw FileWriter.Failure(path: reported, reason: "cannot write: \(error.localizedDescription)")
            }
            createdFolders.insert(parent)
        }
    }
}
