import AsyncHTTPClient
import CheckoutEmulator
import Foundation
import NIOCore
import NIOPosix
import ShopKit
import StripeRuntime
import Testing
import Vapor
import VaporShopApp

/// The Vapor shop and a Checkout emulator on loopback, wired together (the emulator delivers signed webhooks to the
/// shop's route), with an HTTP client that does not follow redirects.
struct ShopHarness {
    static let secret = "whsec_vapor_shop_tests"
    static let specPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../../Specs/checkout.yaml").standardized.path

    let app: Application
    let emulator: CheckoutEmulator
    let http: HTTPClient
    let base: String

    /// Starts both; `webhookBodyLimit` is the shop's limit on a webhook body.
    static func start(webhookBodyLimit: Int = 256 * 1024) async throws -> ShopHarness {
        let port = try await freePort()
        let base = "http://127.0.0.1:\(port)"
        let emulator = try await CheckoutEmulator.start(EmulatorConfiguration(
            specPath: specPath, webhookURL: URL(string: "\(base)/webhooks/stripe"), webhookSecret: secret))
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        let shop = try await Shop.start(ShopSettings(stripeAPIKey: "sk_test_vapor_shop", stripeBaseURL: emulator.baseURL,
                                                     webhookSecret: secret, publicURL: base, webhookBodyLimit: webhookBodyLimit))
        configureShop(app, shop: shop)
        try await app.server.start(address: .hostname("127.0.0.1", port: port))
        let http = HTTPClient(eventLoopGroupProvider: .singleton,
                              configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))
        return ShopHarness(app: app, emulator: emulator, http: http, base: base)
    }

    func stop() async throws {
        try await http.shutdown()
        await app.server.shutdown()
        try await app.asyncShutdown()
        await emulator.stop()
    }

    func get(_ path: String) async throws -> HTTPClientResponse {
        try await http.execute(HTTPClientRequest(url: base + path), timeout: .seconds(10))
    }

    func text(_ path: String) async throws -> String {
        let response = try await http.execute(HTTPClientRequest(url: path.hasPrefix("http") ? path : base + path),
                                              timeout: .seconds(10))
        return String(buffer: try await response.body.collect(upTo: 1 << 16))
    }

    /// The `Location` of the 303 that `path` answers.
    func location(_ path: String) async throws -> String {
        let response = try await get(path)
        #expect(response.status == .seeOther, "\(path) answers 303")
        return response.headers.first(name: "location") ?? ""
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

    func order(_ id: String) async throws -> [String: Any] {
        let body = try await get("/api/orders/\(id)").body.collect(upTo: 1 << 16)
        return (try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any]) ?? [:]
    }

    /// Polls the order until `field` is `value` (the emulator's webhooks arrive asynchronously).
    func waitForField(_ id: String, _ field: String, _ value: String) async throws -> [String: Any] {
        var order: [String: Any] = [:]
        for _ in 0..<100 {
            order = try await self.order(id)
            if order[field] as? String == value { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        return order
    }

    /// Polls the order until its status is `status` (the emulator's webhook arrives asynchronously).
    func waitForStatus(_ id: String, _ status: String) async throws -> [String: Any] {
        var order: [String: Any] = [:]
        for _ in 0..<100 {
            order = try await self.order(id)
            if order["status"] as? String == status { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        return order
    }

    /// Whether the emulator has recorded a delivery of a `type` event answered 200, waiting up to 5 s: the shop
    /// acts on an event before the emulator reads the answer, so the order can be paid before the delivery shows.
    func waitForDelivery(of type: String) async throws -> Bool {
        for _ in 0..<100 {
            let deliveries = await emulator.webhookDeliveries()
            if deliveries.contains(where: { $0.type == type && $0.delivered && $0.lastStatus == 200 }) { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    /// Posts `payload` to the webhook route with `signature` as `Stripe-Signature`; the status and the body text.
    func postWebhook(_ payload: Data, signature: String?) async throws -> (status: Int, text: String) {
        var request = HTTPClientRequest(url: "\(base)/webhooks/stripe")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        if let signature { request.headers.add(name: "Stripe-Signature", value: signature) }
        request.body = .bytes(ByteBuffer(bytes: payload))
        let response = try await http.execute(request, timeout: .seconds(10))
        return (Int(response.status.code), String(buffer: try await response.body.collect(upTo: 1 << 16)))
    }

    /// A `checkout.session.completed` event for `session` of order `reference`, paid, as Stripe would send it.
    static func completedEvent(id: String, session: String, reference: String) -> Data {
        Data("""
        {"id": "\(id)", "object": "event", "type": "checkout.session.completed", "created": 1700000000,
         "livemode": false, "api_version": "2023-08-16", "pending_webhooks": 1,
         "request": {"id": null, "idempotency_key": null},
         "data": {"object": {"id": "\(session)", "object": "checkout.session", "client_reference_id": "\(reference)",
           "created": 1700000000, "expires_at": 1700086400, "livemode": false, "mode": "payment",
           "payment_status": "paid", "status": "complete", "automatic_tax": {"enabled": false, "status": null},
           "custom_fields": [], "custom_text": {"shipping_address": null, "submit": null},
           "payment_method_types": ["card"], "shipping_options": []}}}
        """.utf8)
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
