import CodegenOutput
import Foundation
import StripeCodegen
import Testing

/// Writing files as they are handed over, from several threads: the same rules as `OutputPlan.apply()`.
@Suite struct OutputSessionTests {
    typealias Scratch = OutputPlanTests.Scratch

    /// More files than one thread writes alone, in two folders.
    static let manyFiles = (0..<200).map { index in
        GeneratedFile(path: (index.isMultiple(of: 2) ? "Models/" : "Resources/") + "Type\(index).swift",
                      contents: OutputPlanTests.header + "public struct Type\(index) {}\n")
    }

    /// Hands every file to `session` from several threads at once.
    static func writeConcurrently(_ files: [GeneratedFile], to session: OutputSession) {
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for index in stride(from: worker, to: files.count, by: 4) { session.write(files[index]) }
        }
    }

    @Test func filesFromSeveralThreadsFillANewFolderWhole() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let session = OutputSession(folder: scratch.output)
        Self.writeConcurrently(Self.manyFiles, to: session)
        #expect(!FileManager.default.fileExists(atPath: scratch.output), "nothing appears before finish()")
        let summary = try session.finish()
        #expect(summary == .init(written: 200, unchanged: 0, removed: 0))
        for file in Self.manyFiles { #expect(scratch.text(file.path) == file.contents, "\(file.path)") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.parent) == ["Generated"])
    }

    @Test func concurrentRerunOnAnExistingFolderWritesOnlyWhatChanged() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        _ = try OutputPlan(files: Self.manyFiles, folder: scratch.output).apply()
        var changed = Self.manyFiles
        changed[7].contents += "// changed\n"
        changed[8].contents += "// changed\n"
        let retired = changed.removeLast()
        let session = OutputSession(folder: scratch.output)
        Self.writeConcurrently(changed, to: session)
        #expect(try session.finish() == .init(written: 2, unchanged: 197, removed: 1))
        #expect(scratch.text(changed[7].path) == changed[7].contents)
        #expect(scratch.text(retired.path) == nil, "the file no longer generated is removed")
    }

    @Test func aFailedWriteIsThrownByFinishAndLeavesNoFolder() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let session = OutputSession(folder: scratch.output)
        // The second file needs `Models/Type0.swift` to be a folder; the first makes it a file (or the other way).
        var files = Self.manyFiles
        files.append(GeneratedFile(path: "Models/Type0.swift/Nested.swift", contents: OutputPlanTests.header))
        Self.writeConcurrently(files, to: session)
        #expect {
            try session.finish()
        } throws: { error in
            String(describing: error).contains(scratch.output + "/Models/Type0.swift")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.parent).isEmpty,
                "neither the output folder nor a staging folder remains")
    }

    @Test func aSessionNeverFinishedLeavesNothingBehind() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        do {
            let session = OutputSession(folder: scratch.output)
            session.write(Self.manyFiles[0])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.parent).isEmpty)
    }
}
