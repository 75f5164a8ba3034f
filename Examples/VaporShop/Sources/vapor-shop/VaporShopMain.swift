import CheckoutEmulator
import Foundation
import ShopKit
import Vapor
import VaporShopApp

/// Runs the demo shop with Vapor's `serve` command: against Stripe (keys from the environment) or, with
/// `--emulator`, against a local Checkout emulator started in the same process and wired to the webhook route.
@main
enum VaporShopMain {
    static func main() async throws {
        var arguments = CommandLine.arguments
        let useEmulator = arguments.contains("--emulator")
        arguments.removeAll { $0 == "--emulator" }
        let environment = ProcessInfo.processInfo.environment
        let port = environment["SHOP_PORT"].flatMap(Int.init) ?? 8080
        let shopURL = environment["SHOP_PUBLIC_URL"] ?? "http://127.0.0.1:\(port)"

        let app = try await Application.make(try Environment.detect(arguments: arguments))
        app.http.server.configuration.hostname = "127.0.0.1"
        app.http.server.configuration.port = port
        var emulator: CheckoutEmulator?
        do {
            let settings: ShopSettings
            if useEmulator {
                let secret = "whsec_vapor_shop_demo"
                let started = try await CheckoutEmulator.start(EmulatorConfiguration(
                    specPath: environment["CHECKOUT_SPEC"] ?? "../../Specs/checkout.yaml",
                    webhookURL: URL(string: "http://127.0.0.1:\(port)/webhooks/stripe"), webhookSecret: secret))
                app.logger.notice("Checkout emulator on \(started.baseURL.absoluteString)")
                settings = ShopSettings(stripeAPIKey: "sk_test_vapor_shop", stripeBaseURL: started.baseURL,
                                        webhookSecret: secret, publicURL: shopURL)
                emulator = started
            } else {
                guard let key = environment["STRIPE_API_KEY"], let secret = environment["STRIPE_WEBHOOK_SECRET"] else {
                    throw Abort(.internalServerError, reason: "Set STRIPE_API_KEY and STRIPE_WEBHOOK_SECRET, or pass --emulator.")
                }
                settings = ShopSettings(stripeAPIKey: key, webhookSecret: secret, publicURL: shopURL)
            }
            configureShop(app, shop: try await Shop.start(settings, logger: app.logger))
            app.logger.notice("Open \(shopURL)/")
            try await app.execute()
        } catch {
            app.logger.report(error: error)
            await emulator?.stop()
            try? await app.asyncShutdown()
            throw error
        }
        await emulator?.stop()
        try await app.asyncShutdown()
    }
}
