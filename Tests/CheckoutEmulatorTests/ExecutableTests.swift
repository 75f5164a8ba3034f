#if Emulator
import Foundation
import StripeCheckout
import StripeRuntime
import Testing

@Suite("The checkout-emulator executable")
struct ExecutableTests {
    private func client(_ url: URL) -> StripeClient {
        StripeClient(apiKey: testAPIKey, apiVersion: StripeBindings.apiVersion,
                     configuration: StripeConfiguration(baseURL: url, maxNetworkRetries: 0))
    }

    @Test("serves on loopback, prints its URL, and --state keeps sessions across a restart")
    func stateAcrossRestart() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("emulator-exe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = ["--port", "0", "--spec", checkoutSpecPath, "--state", folder.appendingPathComponent("state.json").path]

        let first = try EmulatorProcess(arguments: arguments)
        let created: CheckoutSession
        do {
            created = try await client(first.baseURL).checkout.sessions.create(paymentParams(reference: "order_exe"))
            first.stop()
        } catch {
            first.stop()
            throw error
        }

        let second = try EmulatorProcess(arguments: arguments)
        defer { second.stop() }
        let again = try await client(second.baseURL).checkout.sessions.retrieve(created.id)
        var expected = created
        expected.url = second.baseURL.absoluteString + "/c/pay/\(created.id)"
        #expect(again == expected, "the same session, its checkout page now on the second process's port")
    }

    @Test("the webhook retry flags take durations such as 90s and 2s")
    func webhookRetryFlags() async throws {
        let process = try EmulatorProcess(arguments: ["--port", "0", "--spec", checkoutSpecPath,
                                                      "--webhook-retry-for", "90s", "--webhook-timeout", "2s"])
        defer { process.stop() }
        let session = try await client(process.baseURL).checkout.sessions.create(paymentParams())
        #expect(session.status == .open)
    }

    @Test("an unreadable webhook duration is a usage error naming the flag and the problem")
    func webhookDurationErrors() throws {
        let executable: URL = try #require(EmulatorProcess.executable)
        let cases = [(["--webhook-retry-for", "3x"], "--webhook-retry-for: '3x' has the unknown unit 'x'"),
                     (["--webhook-timeout", "0s"], "--webhook-timeout must be longer than zero"),
                     (["--webhook-timeout", "ten"], "--webhook-timeout: 'ten' needs a number")]
        for (arguments, message) in cases {
            let process = Process()
            process.executableURL = executable
            process.arguments = ["--port", "0", "--spec", checkoutSpecPath] + arguments
            let errors = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try process.run()
            let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus != 0, "\(arguments)")
            #expect(output.contains(message), "\(arguments): \(output)")
        }
    }

    @Test("usage errors exit non-zero without serving")
    func usageError() throws {
        let process = Process()
        let executable: URL = try #require(EmulatorProcess.executable)
        process.executableURL = executable
        process.arguments = ["--port", "0", "--webhook-secret", "not-a-secret"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
    }
}

/// The executable killed with SIGKILL in the middle of creates: every create it answered is there after a restart,
/// and a clean stop leaves the state file alone in its folder.
@Suite("The checkout-emulator executable killed mid-write")
struct KilledEmulatorTests {
    @Test("kill -9 during creates loses no acknowledged session and leaves no stray files")
    func killDuringCreates() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("emulator-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = ["--port", "0", "--spec", checkoutSpecPath, "--state", folder.appendingPathComponent("state").path]
        let stripe: @Sendable (URL) -> StripeClient = { url in
            StripeClient(apiKey: testAPIKey, configuration: StripeConfiguration(baseURL: url, maxNetworkRetries: 0))
        }

        let first = try EmulatorProcess(arguments: arguments)
        let acknowledged = AcknowledgedIDs()
        let firstURL = first.baseURL
        let creating = Task {
            for number in 0..<400 {
                guard let session = try? await stripe(firstURL).checkout.sessions.create(paymentParams(reference: "k-\(number)"))
                else { return }
                await acknowledged.add(session.id)
            }
        }
        while await acknowledged.count < 25 { try await Task.sleep(for: .milliseconds(5)) }
        kill(first.process.processIdentifier, SIGKILL)
        first.process.waitUntilExit()
        await creating.value
        let answered = await acknowledged.ids

        let second = try EmulatorProcess(arguments: arguments)
        let listed = try await stripe(second.baseURL).checkout.sessions.list(.init(limit: 100)).reduce(into: Set<String>()) {
            $0.insert($1.id)
        }
        second.stop()
        #expect(answered.count >= 25)
        #expect(Set(answered).isSubset(of: listed), "lost: \(Set(answered).subtracting(listed).sorted())")
        #expect(listed.count <= answered.count + 1, "at most the create in flight when killed is there unanswered")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["state"])
    }
}

/// Session ids the test's creating task saw answered.
private actor AcknowledgedIDs {
    private(set) var ids: [String] = []
    var count: Int { ids.count }
    func add(_ id: String) { ids.append(id) }
}
#endif
