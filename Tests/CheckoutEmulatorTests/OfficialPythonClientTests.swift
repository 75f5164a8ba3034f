#if Emulator
import Foundation
import Testing

/// The pytest suite in `Tests/StripePythonClient`, which drives the built `checkout-emulator` with Stripe's
/// official Python library (`stripe`, pinned in its `requirements.txt`): a client this package did not write.
enum OfficialPythonClient {
    /// This checkout's root, found from this file's place.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The suite's folder.
    static let suiteFolder: URL = OfficialPythonClient.repositoryRoot.appendingPathComponent("Tests/StripePythonClient")

    /// The `stripe` version `requirements.txt` pins (`stripe==6.7.0`).
    static let pinnedVersion: String? = {
        guard let text = try? String(contentsOf: OfficialPythonClient.suiteFolder.appendingPathComponent("requirements.txt"), encoding: .utf8)
        else { return nil }
        return text.split(separator: "\n").lazy
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.hasPrefix("stripe==") }
            .map { String($0.dropFirst("stripe==".count)) }
    }()

    /// The `stripe` version `python3` imports, when it has both it and pytest.
    static let installedVersion: String? = {
        guard let result = try? OfficialPythonClient.run(["python3", "-c", "import pytest, stripe.version; print(stripe.version.VERSION)"]),
              result.status == 0 else { return nil }
        let version = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
        return version.isEmpty ? nil : version
    }()

    /// Whether the suite can run: `python3` has pytest and the pinned `stripe`.
    static var available: Bool { pinnedVersion != nil && installedVersion == pinnedVersion }

    /// Why it is skipped otherwise.
    static let skipReason: Comment = "python3 lacks pytest or the pinned stripe: python3 -m pip install -r Tests/StripePythonClient/requirements.txt"

    /// Runs `arguments` through `/usr/bin/env` (so `python3` is found on `PATH`), from the repository root, with
    /// `environment` added; stdout and stderr are read together to the end before waiting.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = OfficialPythonClient.repositoryRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, added in added }
        process.standardInput = FileHandle.nullDevice
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

@Suite("Stripe's official Python library against the emulator",
       .enabled(if: OfficialPythonClient.available, OfficialPythonClient.skipReason))
struct OfficialPythonClientTests {
    @Test("the pytest suite in Tests/StripePythonClient passes against the built checkout-emulator")
    func pytestSuite() throws {
        let executable: URL = try #require(EmulatorProcess.executable, "checkout-emulator not found next to the tests")
        let result = try OfficialPythonClient.run(
            ["python3", "-m", "pytest", "Tests/StripePythonClient", "-q", "-p", "no:cacheprovider"],
            environment: ["CHECKOUT_EMULATOR": executable.path]
        )
        #expect(result.status == 0, "pytest exited with \(result.status):\n\(result.output)")
    }
}
#endif
