import ArgumentParser
import CheckoutEmulator
import CheckoutServerApp
import CheckoutWorkflows
import CheckoutWorkflowsPostgres
import Foundation
import Hummingbird
import PostgresNIO
import ShopKit

/// Runs the demo shop, against Stripe (keys from the environment) or, with `--emulator`, against a local
/// Checkout emulator started in the same process and wired to the shop's webhook route. With `--postgres`, the
/// order lock, the session index and the handled webhook events live in PostgreSQL, shared by every server.
@main
struct CheckoutServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "checkout-server",
                                                    abstract: "A shop that sells through Stripe Checkout.")

    @Option(help: "The port to serve on.")
    var port = 8080

    @Flag(help: "Start a local Checkout emulator and use it instead of Stripe.")
    var emulator = false

    @Option(help: "The Checkout spec the emulator validates against (with --emulator).")
    var spec = "../../Specs/checkout.yaml"

    @Option(help: ArgumentHelp(
        "A PostgreSQL URL (postgres://user@host:port/database): keep the order lock, the session index and the "
            + "handled webhook events there, so several servers of the shop share them.",
        valueName: "url"))
    var postgres: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var settings: ShopSettings
        var local: CheckoutEmulator?
        if emulator {
            let secret = "whsec_checkout_server_demo"
            let started = try await CheckoutEmulator.start(EmulatorConfiguration(
                specPath: spec, webhookURL: URL(string: "http://127.0.0.1:\(port)/webhooks/stripe"), webhookSecret: secret))
            say("Checkout emulator on \(started.baseURL.absoluteString)")
            settings = ShopSettings(stripeAPIKey: "sk_test_checkout_server", stripeBaseURL: started.baseURL,
                                    webhookSecret: secret, publicURL: "http://127.0.0.1:\(port)")
            local = started
        } else {
            guard let key = environment["STRIPE_API_KEY"], let secret = environment["STRIPE_WEBHOOK_SECRET"] else {
                throw ValidationError("Set STRIPE_API_KEY and STRIPE_WEBHOOK_SECRET, or pass --emulator.")
            }
            settings = ShopSettings(stripeAPIKey: key, webhookSecret: secret,
                                    publicURL: environment["SHOP_PUBLIC_URL"] ?? "http://127.0.0.1:\(port)")
        }
        var stores = ShopStores()
        var database: (client: PostgresClient, task: Task<Void, Never>)?
        if let postgres {
            let client = PostgresClient(configuration: try PostgresClient.Configuration(databaseURL: postgres))
            let task = Task { await client.run() }
            database = (client, task)
            let tables = try PostgresCheckoutTables()
            try await tables.migrate(client)
            stores = ShopStores(lock: PostgresOrderLock(client: client),
                                index: PostgresCheckoutSessionIndex(client: client, tables: tables),
                                events: PostgresProcessedEventStore(client: client, tables: tables))
            say("Order lock, session index and webhook events in PostgreSQL")
        }
        let shop = try await Shop.start(settings, stores: stores)
        say("Shop on http://127.0.0.1:\(port) — open http://127.0.0.1:\(port)/")
        let app = buildShopApplication(shop, port: port)
        try await app.runService()
        await local?.stop()
        database?.task.cancel()
    }
}

/// Writes a line to standard output at once (print is block-buffered when piped).
private func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
