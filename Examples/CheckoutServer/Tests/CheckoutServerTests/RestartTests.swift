import AsyncHTTPClient
import CheckoutEmulator
import Foundation
import NIOCore
import NIOPosix
import StripeRuntime
import Testing

/// The shop as a real process on its SQLite file, killed with SIGKILL in the middle of fulfilling a paid order and
/// started again on the same file: the emulator's redelivery runs the fulfilment once more, to its end, and never
/// again after that, whatever restarts and redeliveries follow.
@Suite("The shop killed mid-webhook and restarted")
struct RestartTests {
    @Test("SIGKILL during fulfilment: one more run after the restart finishes it; later deliveries are duplicates")
    func killedDuringFulfilment() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shop-restart-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("fulfilment.log").path
        let port = try await freePort()
        let base = "http://127.0.0.1:\(port)"
        let secret = "whsec_restart_tests"
        // Deliveries retried every half second or so for about 20 s, like Stripe's retries, only sooner.
        let emulator = try await CheckoutEmulator.start(EmulatorConfiguration(
            specPath: ShopHarness.specPath, webhookURL: URL(string: "\(base)/webhooks/stripe"), webhookSecret: secret,
            webhookRetry: WebhookRetryPolicy(maxAttempts: 40, initialDelay: .milliseconds(200),
                                             maxDelay: .milliseconds(500), timeout: .seconds(10))))
        let http = HTTPClient(eventLoopGroupProvider: .singleton,
                              configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))
        let arguments = ["--port", "\(port)", "--database", folder.appendingPathComponent("shop.sqlite").path,
                         "--fulfilment-log", log, "--fulfilment-seconds", "3", "--event-lease-seconds", "2"]
        let environment = ["STRIPE_API_KEY": "sk_test_restart", "STRIPE_WEBHOOK_SECRET": secret,
                           "STRIPE_API_BASE": emulator.baseURL.absoluteString, "SHOP_PUBLIC_URL": base]
        var shop = try await ShopProcess.start(arguments, environment: environment, base: base, http: http)

        let checkout = try await http.execute(HTTPClientRequest(url: "\(base)/orders/order-r/checkout"), timeout: .seconds(10))
        let location = try #require(checkout.headers.first(name: "location"))
        let session = try #require(await emulator.sessions().first { $0.url == location })
        _ = try await emulator.complete(sessionID: session.id)

        // Kill the shop while it fulfils the order, then start it again on the same file.
        try await waitFor("fulfilment to start") { lines(log).contains("started order-r \(session.id)") }
        shop.kill()
        shop = try await ShopProcess.start(arguments, environment: environment, base: base, http: http)

        try await waitFor("the redelivery to finish the fulfilment", seconds: 30) {
            lines(log).contains("finished order-r \(session.id)")
        }
        try await waitFor("the emulator to see the delivery acknowledged") {
            await emulator.webhookDeliveries().contains { $0.type == "checkout.session.completed" && $0.delivered }
        }
        #expect(lines(log) == ["started order-r \(session.id)", "started order-r \(session.id)",
                               "finished order-r \(session.id)"], "killed once, then run once to its end")
        let order = try await orderJSON(http, base, "order-r")
        #expect(order["status"] as? String == "paid", "the order, kept in the file, is paid")

        // Stripe may deliver the event again, to this process or after another restart: nothing runs twice.
        let event = try await completedEvent(http, emulator, session: session.id)
        let signer = WebhookSigner(secret: secret)
        #expect(try await postWebhook(http, base, event, signer) == 200)
        shop.kill()
        shop = try await ShopProcess.start(arguments, environment: environment, base: base, http: http)
        #expect(try await postWebhook(http, base, event, signer) == 200)
        #expect(lines(log).filter { $0.hasPrefix("finished") }.count == 1)
        #expect(lines(log).count == 3)
        shop.kill()
        try await http.shutdown()
        await emulator.stop()
    }

    /// The emulator's `checkout.session.completed` event for `session`, as JSON bytes.
    private func completedEvent(_ http: HTTPClient, _ emulator: CheckoutEmulator, session: String) async throws -> Data {
        var request = HTTPClientRequest(url: emulator.baseURL.absoluteString + "/v1/events?type=checkout.session.completed")
        request.headers.add(name: "Authorization", value: "Bearer sk_test_restart")
        let body = try await http.execute(request, timeout: .seconds(10)).body.collect(upTo: 1 << 20)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any])
        let events = try #require(list["data"] as? [[String: Any]])
        let event = try #require(events.first { (($0["data"] as? [String: Any])?["object"] as? [String: Any])?["id"] as? String == session })
        return try JSONSerialization.data(withJSONObject: event)
    }

    private func postWebhook(_ http: HTTPClient, _ base: String, _ payload: Data, _ signer: WebhookSigner) async throws -> Int {
        var request = HTTPClientRequest(url: "\(base)/webhooks/stripe")
        request.method = .POST
        request.headers.add(name: "Stripe-Signature", value: signer.header(for: payload))
        request.body = .bytes(ByteBuffer(bytes: payload))
        return Int(try await http.execute(request, timeout: .seconds(10)).status.code)
    }

    private func orderJSON(_ http: HTTPClient, _ base: String, _ id: String) async throws -> [String: Any] {
        let body = try await http.execute(HTTPClientRequest(url: "\(base)/api/orders/\(id)"), timeout: .seconds(10))
            .body.collect(upTo: 1 << 16)
        return (try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any]) ?? [:]
    }

    private func lines(_ path: String) -> [String] {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    private func waitFor(_ what: String, seconds: Int = 15, _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while try await !condition() {
            try #require(ContinuousClock.now < deadline, "timed out waiting for \(what)")
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    private func freePort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 0
        try await channel.close()
        return port
    }
}

/// `checkout-server` run as a child process, found next to the test products.
struct ShopProcess {
    let process: Process

    static func start(_ arguments: [String], environment: [String: String], base: String, http: HTTPClient) async throws
        -> ShopProcess {
        let candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
            + Bundle.allBundles.filter { $0.bundlePath.hasSuffix(".xctest") }.map { $0.bundleURL.deletingLastPathComponent() }
        let executable = try #require(candidates.map { $0.appendingPathComponent("checkout-server") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }, "checkout-server not built next to the tests")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = ContinuousClock.now + .seconds(30)
        while (try? await http.execute(HTTPClientRequest(url: base + "/"), timeout: .seconds(1)))?.status != .ok {
            try #require(process.isRunning, "checkout-server exited with \(process.terminationStatus)")
            try #require(ContinuousClock.now < deadline, "checkout-server did not answer")
            try await Task.sleep(for: .milliseconds(50))
        }
        return ShopProcess(process: process)
    }

    /// SIGKILL: no cleanup of any kind, as a crash or an out-of-memory kill.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
