import AsyncHTTPClient
import CheckoutEmulator
import CheckoutServerApp
import Foundation
import Hummingbird
import NIOCore
import NIOPosix
import StripeRuntime
import Testing

/// The shop against the emulator over loopback: checkout redirects to a session for the order, paying it
/// delivers the signed webhook, and the order turns paid; a forged webhook is refused.
@Suite("The shop end to end")
struct ShopEndToEndTests {
    private static let specPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../../Specs/checkout.yaml").standardized.path

    @Test("checkout, pay, webhook, paid")
    func checkoutToPaid() async throws {
        let port = try await freePort()
        let secret = "whsec_shop_tests"
        let emulator = try await CheckoutEmulator.start(EmulatorConfiguration(
            specPath: Self.specPath, webhookURL: URL(string: "http://127.0.0.1:\(port)/webhooks/stripe"), webhookSecret: secret))
        let orders = OrderStore()
        let app = buildShopApplication(
            ShopSettings(port: port, stripeAPIKey: "sk_test_shop", stripeBaseURL: emulator.baseURL, webhookSecret: secret),
            orders: orders)
        let server = Task { try await app.run() }
        let http = HTTPClient(eventLoopGroupProvider: .singleton,
                              configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))
        defer { server.cancel() }

        let base = "http://127.0.0.1:\(port)"
        try await waitUntilServing(http, "\(base)/orders/order-7")
        let checkout = try await http.execute(HTTPClientRequest(url: "\(base)/orders/order-7/checkout"), timeout: .seconds(10))
        #expect(checkout.status == .seeOther)
        let location = checkout.headers.first(name: "location") ?? ""
        let sessions = await emulator.sessions()
        #expect(sessions.count == 1)
        let session = try #require(sessions.first)
        #expect(session.clientReferenceID == "order-7")
        #expect(session.url == location)
        #expect(session.amountTotal == 3_000)

        _ = try await emulator.complete(sessionID: session.id)
        var status = ""
        for _ in 0..<50 {
            let response = try await http.execute(HTTPClientRequest(url: "\(base)/orders/order-7"), timeout: .seconds(5))
            let body = try await response.body.collect(upTo: 1 << 16)
            status = (try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any])?["status"] as? String ?? ""
            if status == "paid" { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(status == "paid")

        var forged = HTTPClientRequest(url: "\(base)/webhooks/stripe")
        forged.method = .POST
        let payload = Data(#"{"id":"evt_forged","type":"checkout.session.completed"}"#.utf8)
        forged.headers.add(name: "Stripe-Signature", value: WebhookSigner(secret: "whsec_not_ours").header(for: payload))
        forged.body = .bytes(ByteBuffer(bytes: payload))
        let refused = try await http.execute(forged, timeout: .seconds(5))
        #expect(refused.status == .badRequest)

        try await http.shutdown()
        await emulator.stop()
    }

    /// A port nothing listens on right now, so the emulator can be told the shop's webhook address up front.
    private func freePort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 0
        try await channel.close()
        return port
    }

    private func waitUntilServing(_ http: HTTPClient, _ url: String) async throws {
        for _ in 0..<100 {
            if (try? await http.execute(HTTPClientRequest(url: url), timeout: .seconds(1))) != nil { return }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}
