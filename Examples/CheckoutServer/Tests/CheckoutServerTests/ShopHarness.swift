import AsyncHTTPClient
import CheckoutEmulator
import CheckoutServerApp
import Foundation
import Hummingbird
import NIOCore
import NIOPosix
import ShopKit
import Testing

/// The Hummingbird shop and a Checkout emulator on loopback, wired together (the emulator delivers signed webhooks
/// to the shop's route), with an HTTP client that does not follow redirects.
struct ShopHarness {
    static let secret = "whsec_shop_tests"
    static let specPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../../Specs/checkout.yaml").standardized.path

    let emulator: CheckoutEmulator
    let shop: Shop
    let http: HTTPClient
    let server: Task<Void, any Error>
    let base: String

    /// Starts both; the shop prepares its catalog on the emulator first.
    static func start() async throws -> ShopHarness {
        let port = try await freePort()
        let base = "http://127.0.0.1:\(port)"
        let emulator = try await CheckoutEmulator.start(EmulatorConfiguration(
            specPath: specPath, webhookURL: URL(string: "\(base)/webhooks/stripe"), webhookSecret: secret))
        let shop = try await Shop.start(ShopSettings(stripeAPIKey: "sk_test_shop", stripeBaseURL: emulator.baseURL,
                                                     webhookSecret: secret, publicURL: base))
        let app = buildShopApplication(shop, port: port)
        let server = Task { try await app.run() }
        let http = HTTPClient(eventLoopGroupProvider: .singleton,
                              configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))
        let harness = ShopHarness(emulator: emulator, shop: shop, http: http, server: server, base: base)
        try await harness.waitUntilServing()
        return harness
    }

    func stop() async throws {
        server.cancel()
        try await http.shutdown()
        await emulator.stop()
    }

    func get(_ path: String) async throws -> HTTPClientResponse {
        try await http.execute(HTTPClientRequest(url: path.hasPrefix("http") ? path : base + path), timeout: .seconds(10))
    }

    func text(_ path: String) async throws -> String {
        String(buffer: try await get(path).body.collect(upTo: 1 << 16))
    }

    /// Posts a form to `path` (on the shop, or an absolute address); the status, `Location` and body text.
    func post(_ path: String, form: String) async throws -> (status: Int, location: String?, text: String) {
        var request = HTTPClientRequest(url: path.hasPrefix("http") ? path : base + path)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.body = .bytes(ByteBuffer(string: form))
        let response = try await http.execute(request, timeout: .seconds(10))
        return (Int(response.status.code), response.headers.first(name: "location"),
                String(buffer: try await response.body.collect(upTo: 1 << 16)))
    }

    /// The `Location` of the 303 that `path` answers.
    func location(_ path: String) async throws -> String {
        let response = try await get(path)
        #expect(response.status == .seeOther, "\(path) answers 303")
        return response.headers.first(name: "location") ?? ""
    }

    func order(_ id: String) async throws -> [String: Any] {
        let body = try await get("/api/orders/\(id)").body.collect(upTo: 1 << 16)
        return (try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any]) ?? [:]
    }

    /// Polls the order until `field` is `value` (webhooks arrive asynchronously); the order as last read.
    func waitFor(_ id: String, _ value: String, field: String = "status") async throws -> [String: Any] {
        var order: [String: Any] = [:]
        for _ in 0..<100 {
            order = try await self.order(id)
            if order[field] as? String == value { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        return order
    }

    private func waitUntilServing() async throws {
        for _ in 0..<100 {
            if (try? await http.execute(HTTPClientRequest(url: base + "/"), timeout: .seconds(1))) != nil { return }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// A port nothing listens on right now, so the emulator can be told the shop's webhook address up front.
    private static func freePort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 0
        try await channel.close()
        return port
    }
}
