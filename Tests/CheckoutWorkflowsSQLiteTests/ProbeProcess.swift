import Foundation
import Testing

/// One run of `checkout-sqlite-probe` (built beside the tests) as its own OS process.
final class ProbeProcess: @unchecked Sendable {
    /// What the run printed and how it ended.
    struct Result: Sendable {
        var status: Int32
        var reason: Process.TerminationReason
        var stdout: String
        var stderr: String
        var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    /// The products folder: the one holding the test executable (Linux) or the `.xctest` bundle (macOS).
    static let executable: URL? = {
        var candidates: [URL] = []
        if let first = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: first).resolvingSymlinksInPath().deletingLastPathComponent())
        }
        candidates.append(Bundle.main.bundleURL)
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent())
        }
        return candidates.map { $0.appendingPathComponent("checkout-sqlite-probe") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    private let process = Process()
    private let out = Pipe()
    private let err = Pipe()

    /// Starts the probe with `arguments`.
    init(_ arguments: [String]) throws {
        guard let executable = Self.executable else { throw ProbeMissing() }
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = out
        process.standardError = err
        try process.run()
    }

    /// The probe's process id.
    var pid: Int32 { process.processIdentifier }

    /// Kills the process at once (SIGKILL), as a crash or an out-of-memory kill would.
    func kill() { _ = Foundation.kill(process.processIdentifier, SIGKILL) }

    /// Waits for the process to end, reading its output to the end (on other threads, so a chatty process never
    /// blocks on a full pipe and the test's threads never block).
    func finish() async -> Result {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { [process, out, err] in
                let group = DispatchGroup()
                let errData = LockedBox<Data>(Data())
                group.enter()
                DispatchQueue.global().async {
                    errData.value = err.fileHandleForReading.readDataToEndOfFile()
                    group.leave()
                }
                let outData = out.fileHandleForReading.readDataToEndOfFile()
                group.wait()
                process.waitUntilExit()
                continuation.resume(returning: Result(
                    status: process.terminationStatus, reason: process.terminationReason,
                    stdout: String(decoding: outData, as: UTF8.self),
                    stderr: String(decoding: errData.value, as: UTF8.self)))
            }
        }
    }
}

/// A value shared between threads under a lock.
final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

/// A start time a little ahead, so processes started one after another begin their work together.
func startTogether(after seconds: Double = 1.5) -> String {
    String(Date().timeIntervalSince1970 + seconds)
}

/// The probe executable is not next to the test bundle (build it with `swift build --build-tests`).
struct ProbeMissing: Error, CustomStringConvertible {
    var description: String { "checkout-sqlite-probe not found next to the test bundle" }
}
