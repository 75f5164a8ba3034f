import Foundation
import Testing

/// Compares generated text with expected text and, on a mismatch, records a unified line diff.
enum Snapshot {
    /// Fails with a diff (expected -> actual) when the texts differ.
    static func expect(_ actual: String?, equals expected: String, _ label: String = "generated text",
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard let actual else {
            Issue.record("\(label): nothing found to compare", sourceLocation: sourceLocation)
            return
        }
        guard actual != expected else { return }
        Issue.record("\(label) differs from the expectation:\n\(LineDiff.unified(expected: expected, actual: actual))",
                     sourceLocation: sourceLocation)
    }
}

/// Whole-file goldens under `Tests/StripeCodegenTests/Goldens/`, stored as `<path>.golden` so they are not compiled. With `RECORD_GOLDENS=1` in the environment a missing
/// or changed golden is (re)written and the test fails saying so; otherwise a mismatch fails with a unified diff.
enum Golden {
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // Support
        .deletingLastPathComponent()   // StripeCodegenTests
        .appendingPathComponent("Goldens", isDirectory: true)

    static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" }

    static func expect(_ actual: String, matches name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name + ".golden")
        let stored = try? String(contentsOf: url, encoding: .utf8)
        if stored == actual { return }
        if isRecording {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url, options: .atomic)
                let message = "golden \(name) was \(stored == nil ? "missing" : "out of date") and has been recorded; "
                    + "review it and run again without RECORD_GOLDENS"
                Issue.record("\(message)", sourceLocation: sourceLocation)
            } catch {
                Issue.record("cannot record golden \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let stored else {
            Issue.record("golden \(name) is missing; run with RECORD_GOLDENS=1 to record it", sourceLocation: sourceLocation)
            return
        }
        let diff = LineDiff.unified(expected: stored, actual: actual, expectedName: "golden/\(name)",
                                    actualName: "generated/\(name)")
        Issue.record("\(name) differs from its golden (run with RECORD_GOLDENS=1 to accept):\n\(diff)",
                     sourceLocation: sourceLocation)
    }
}

/// A small unified diff over lines (LCS based), enough to read a mismatch in a test log.
enum LineDiff {
    static func unified(expected: String, actual: String, expectedName: String = "expected",
                        actualName: String = "actual", context: Int = 3) -> String {
        let old = expected.components(separatedBy: "\n")
        let new = actual.components(separatedBy: "\n")
        // Edit script from the longest common subsequence table.
        var table = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                table[i][j] = old[i] == new[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        enum Edit { case same(String), removed(String), added(String) }
        var edits: [Edit] = []
        var i = 0, j = 0
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                edits.append(.same(old[i])); i += 1; j += 1
            } else if i < old.count, j == new.count || table[i + 1][j] >= table[i][j + 1] {
                edits.append(.removed(old[i])); i += 1
            } else {
                edits.append(.added(new[j])); j += 1
            }
        }
        // Group changes into hunks with `context` lines around them.
        let changed = edits.indices.filter { if case .same = edits[$0] { return false } else { return true } }
        guard !changed.isEmpty else { return "(no line differences; the texts differ in line endings)" }
        var output = "--- \(expectedName)\n+++ \(actualName)\n"
        var hunkStart = 0
        while hunkStart < changed.count {
            var hunkEnd = hunkStart
            while hunkEnd + 1 < changed.count, changed[hunkEnd + 1] - changed[hunkEnd] <= 2 * context + 1 { hunkEnd += 1 }
            let from = max(0, changed[hunkStart] - context)
            let to = min(edits.count - 1, changed[hunkEnd] + context)
            var oldLine = 1, newLine = 1
            for edit in edits[..<from] {
                switch edit {
                case .same: oldLine += 1; newLine += 1
                case .removed: oldLine += 1
                case .added: newLine += 1
                }
            }
            var oldCount = 0, newCount = 0, lines = ""
            for edit in edits[from...to] {
                switch edit {
                case .same(let text): lines += " \(text)\n"; oldCount += 1; newCount += 1
                case .removed(let text): lines += "-\(text)\n"; oldCount += 1
                case .added(let text): lines += "+\(text)\n"; newCount += 1
                }
            }
            output += "@@ -\(oldLine),\(oldCount) +\(newLine),\(newCount) @@\n" + lines
            hunkStart = hunkEnd + 1
        }
        return output
    }
}
