import CheckoutEmulator
import CheckoutWorkflowsSQLite
import Foundation
import ShopKit
import Vapor
import VaporShopApp

/// Runs the demo shop with Vapor's `serve` command: against Stripe (keys from the environment) or, with
/// `--emulator`, against a local Checkout emulator started in the same process and wired to the webhook route. The
/// orders and the checkout stores live in an SQLite file (`--database PATH`, `shop.sqlite` by default), or in memory
/// with `--memory`.
@main
enum VaporShopMain {
    static func main() async throws {
        var arguments = CommandLine.arguments
        let useEmulator = arguments.contains("--emulator")
        let inMemory = arguments.contains("--memory")
        arguments.removeAll { $0 == "--emulator" || $0 == "--memory" }
        // --database PATH: the SQLite file of the orders and the checkout stores (default shop.sqlite).
        var databasePath = "shop.sqlite"
        if let flag = arguments.firstIndex(of: "--database"), arguments.indices.contains(flag + 1) {
            databasePath = arguments[flag + 1]
            arguments.removeSubrange(flag...(flag + 1))
        }
        let environment = ProcessInfo.processInfo.environment
        let port = environment["SHOP_PORT"].flatMap(Int.init) ?? 8080
        let shopURL = environment["SHOP_PUBLIC_URL"] ?? "http://127.0.0.1:\(port)"

        let app = try await Application.make(try Environment.detect(arguments: arguments))
        app.http.server.configuration.hostname = "127.0.0.1"
        app.http.server.configuration.port = port
        var emulator: CheckoutEmulator?
        var database: SQLiteCheckoutDatabase?
        var orderStore: OrderStore?
        do {
            let settings: ShopSettings
            if useEmulator {
                let secret = "whsec_vapor_shop_demo"
                let started = try await CheckoutEmulator.start(EmulatorConfiguration(
                    specPath: environment["CHECKOUT_SPEC"] ?? "../../Specs/checkout.yaml",
                    webhookURL: URL(string: "http://127.0.0.1:\(port)/webhooks/stripe"), webhookSecret: secret,
                    statePath: inMemory ? nil : databasePath + "-emulator"))
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
            var stores = ShopStores()
            var orders = OrderStore()
            if inMemory {
                app.logger.notice("Orders and checkout stores in memory: forgotten on restart")
            } else {
                let opened = try await SQLiteCheckoutDatabase.open(path: databasePath)
                database = opened
                stores = .sqlite(opened)
                orders = try await OrderStore.sqlite(path: databasePath)
                orderStore = orders
                app.logger.notice("Orders and checkout stores in \(databasePath)")
            }
            configureShop(app, shop: try await Shop.start(settings, orders: orders, stores: stores, logger: app.logger))
            app.logger.notice("Open \(shopURL)/")
            try await app.execute()
        } catch {
            app.logger.report(error: error)
            await emulator?.stop()
            await orderStore?.close()
            try? await database?.close()
            try? await app.asyncShutdown()
            throw error
        }
        await emulator?.stop()
        await orderStore?.close()
        try? await database?.close()
        try await app.asyncShutdown()
    }
}
