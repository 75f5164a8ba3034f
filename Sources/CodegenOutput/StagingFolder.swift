import Foundation

/// The hidden folder a new output folder is filled in before it is renamed into place.
enum StagingFolder {
    /// Makes an empty staging folder beside `folder`, or returns nil when staging cannot work: `folder` is a symbolic
    /// link (a rename would replace the link, not fill its target) or `.`, or the parent is not writable.
    static func create(for folder: String) -> String? {
        var link = stat()
        if lstat(folder, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK { return nil }
        let target = trimmed(folder)
        let name = (target as NSString).lastPathComponent
        guard !name.isEmpty, name != ".", name != "..", name != "/" else { return nil }
        let parent = (target as NSString).deletingLastPathComponent
        let staging = (parent.isEmpty ? "" : parent + "/") + ".\(name).staging-\(getpid())"
        let manager = FileManager.default
        do {
            if !parent.isEmpty { try manager.createDirectory(atPath: parent, withIntermediateDirectories: true) }
            try? manager.removeItem(atPath: staging)
            try manager.createDirectory(atPath: staging, withIntermediateDirectories: false)
        } catch {
            return nil
        }
        return staging
    }

    /// Renames `staging` to `folder` (missing, or an empty directory the rename replaces, whose permissions the
    /// new folder keeps); false when the rename fails.
    static func rename(_ staging: String, over folder: String) -> Bool {
        var existing = stat()
        if stat(folder, &existing) == 0 { _ = chmod(staging, existing.st_mode & 0o7777) }
        return Foundation.rename(staging, trimmed(folder)) == 0
    }

    private static func trimmed(_ folder: String) -> String {
        folder.count > 1 && folder.hasSuffix("/") ? String(folder.dropLast()) : folder
    }
}
