import Foundation
import StripeCheckout
import StripeRuntime
import Testing

/// The bindings name the generated-code version the runtime declares, and a reference to any other version does not
/// compile against the built `StripeRuntime`, with the version's name in the error.
@Suite struct GeneratedCodeVersionTests {
    /// The folder holding the built `StripeRuntime.swiftmodule`, beside the test products.
    static let modules: URL? = {
        var candidates: [URL] = []
        if let first = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: first).resolvingSymlinksInPath().deletingLastPathComponent())
        }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent())
        }
        return candidates.map { $0.appendingPathComponent("Modules") }.first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("StripeRuntime.swiftmodule").path)
        }
    }()

    /// `swiftc` next to the toolchain's `swift`, or on the `PATH`.
    static let swiftc: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("swiftc") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Type-checks `source` against the built runtime: whether it compiled, and what the compiler said.
    private func typecheck(_ source: String, compiler: URL, modules: URL) throws -> (Bool, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("version-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("StripeBindings.swift")
        try source.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = compiler
        process.arguments = ["-typecheck", "-I", modules.path, file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus == 0, text)
    }

    /// The line a generated module declares, naming `version`.
    private func reference(_ version: String) -> String {
        "import StripeRuntime\n\npublic typealias GeneratedCodeVersion = \(version)\n"
    }

    @Test func theBindingsNameTheRuntimesVersion() {
        #expect(StripeBindings.GeneratedCodeVersion.self == StripeRuntimeGeneratedCodeVersion_2.self)
    }

    @Test(.enabled(if: modules != nil && swiftc != nil,
                   "needs swiftc on the PATH and the built StripeRuntime module next to the tests"))
    func anotherVersionDoesNotCompileAgainstTheRuntime() throws {
        let compiler = try #require(Self.swiftc)
        let modules = try #require(Self.modules)
        let current = String(describing: StripeBindings.GeneratedCodeVersion.self)
        let number = try #require(Int(current.split(separator: "_").last ?? ""))
        let next = "StripeRuntimeGeneratedCodeVersion_\(number + 1)"

        let (matching, matchingOutput) = try typecheck(reference(current), compiler: compiler, modules: modules)
        #expect(matching, "the runtime's own version should compile: \(matchingOutput)")
        let (mismatching, output) = try typecheck(reference(next), compiler: compiler, modules: modules)
        #expect(!mismatching)
        #expect(output.contains("error: cannot find type '\(next)' in scope"), "\(output)")
    }
}
