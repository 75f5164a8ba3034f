import Foundation

/// One run of a probe executable of this package (built beside the tests, such as `checkout-sqlite-probe`) as its
/// own OS process, for tests that race separate processes.
public final class ProbeProcess: @unchecked Sendable {
    /// What the run printed and how it ended.
    public struct Result: Sendable {
        public var status: Int32
        public var reason: Process.TerminationReason
        public var stdout: String
        public var stderr: String
        public var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    /// The products folder: the one holding the test executable (Linux) or the `.xctest` bundle (macOS).
    static let productsFolders: [URL] = {
        var candidates: [URL] = []
        if let first = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: first).resolvingSymlinksInPath().deletingLastPathComponent())
        }
        candidates.append(Bundle.main.bundleURL)
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent())
        }
        return candidates
    }()

    private let process = Process()
    private let out = Pipe()
    private let err = Pipe()

    /// Starts the executable `name`, found among the built products, with `arguments`.
    public init(executable name: String, _ arguments: [String]) throws {
        guard let executable = Self.productsFolders.map({ $0.appendingPathComponent(name) })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else { throw ProbeMissing(name: name) }
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = out
        process.standardError = err
        try process.run()
    }

    /// The probe's process id.
    public var pid: Int32 { process.processIdentifier }

    /// Kills the process at once (SIGKILL), as a crash or an out-of-memory kill would.
    public func kill() { _ = Foundation.kill(process.processIdentifier, SIGKILL) }

    /// Waits for the process to end, reading its output to the end (on other threads, so a chatty process never
    /// blocks on a full pipe and the test's threads never block).
    public func finish() async -> Result {
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
public final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    public init(_ value: Value) { stored = value }

    public var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

/// A start time a little ahead, so processes started one after another begin their work together.
public func startTogether(after seconds: Double = 1.5) -> String {
    String(Date().timeIntervalSince1970 + seconds)
}

/// The probe executable is not next to the test bundle (build it with `swift build --build-tests`).
public struct ProbeMissing: Error, CustomStringConvertible {
    public var name: String
    public var description: String { "\(name) not found next to the test bundle" }
}
