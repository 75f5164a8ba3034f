#if Emulator
import Foundation
import Testing

/// The `checkout-emulator` executable run as a child process, stopped with SIGTERM.
final class EmulatorProcess: @unchecked Sendable {
    let process = Process()
    /// The URL the process printed once it was ready.
    let baseURL: URL

    /// The built executable, found next to the test products.
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
        return candidates.map { $0.appendingPathComponent("checkout-emulator") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Starts the executable with `arguments` and waits (at most 20 s) for its ready line.
    init(arguments: [String]) throws {
        let executable: URL = try #require(Self.executable, "checkout-emulator not found next to the tests")
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(20)
        let reader = output.fileHandleForReading
        while !text.contains("\n"), Date() < deadline, process.isRunning {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        guard let line = text.split(separator: "\n").first,
              let address = line.split(separator: " ").last,
              let url = URL(string: String(address)), url.host == "127.0.0.1" else {
            process.terminate()
            throw EmulatorProcessError(output: text)
        }
        self.baseURL = url
    }

    /// Stops the process and waits for it to exit.
    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}

struct EmulatorProcessError: Error, CustomStringConvertible {
    var output: String
    var description: String { "checkout-emulator did not print its URL; output: \(output)" }
}
#endif
