import ArgumentParser
import CheckoutEmulator
import CheckoutServerApp
import CheckoutWorkflows
import CheckoutWorkflowsPostgres
import CheckoutWorkflowsSQLite
import Foundation
import Hummingbird
import PostgresNIO
import ShopKit
import StripeRuntime

/// Runs the demo shop, against Stripe (keys from the environment) or, with `--emulator`, against a local
/// Checkout emulator started in the same process and wired to the shop's webhook route. The orders, the order lock,
/// the session index and the handled webhook events live in an SQLite file (`--database`, `shop.sqlite` by default)
/// that survives restarts; with `--postgres` all but the orders live in PostgreSQL, shared by every server; with
/// `--memory` everything is forgotten on restart.
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

    @Option(help: ArgumentHelp(
        "The SQLite file that keeps the orders, the order lock, the session index and the handled webhook events "
            + "(created on first start; shared by the shop's processes on this host). Ignored with --postgres or --memory.",
        valueName: "path"))
    var database = "shop.sqlite"

    @Flag(help: "Keep everything in memory: forgotten on restart (for tests and a quick look).")
    var memory = false

    @Option(name: .customLong("fulfilment-log"), help: ArgumentHelp(
        "Append `started ORDER SESSION` and `finished ORDER SESSION` to this file around each paid order's fulfilment.",
        valueName: "path"))
    var fulfilmentLog: String?

    @Option(name: .customLong("fulfilment-seconds"),
            help: "How long fulfilling a paid order takes: a stand-in for real work such as shipping.")
    var fulfilmentSeconds: Double = 0

    @Option(name: .customLong("event-lease-seconds"),
            help: "How long a webhook event whose handler died stays claimed before a redelivery runs it again.")
    var eventLeaseSeconds: Double = 300

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var settings: ShopSettings
        var local: CheckoutEmulator?
        if emulator {
            let secret = "whsec_checkout_server_demo"
            // The emulator keeps its state beside the shop's database, so a restart finds the sessions the orders
            // point at; in memory with --memory.
            let started = try await CheckoutEmulator.start(EmulatorConfiguration(
                specPath: spec, webhookURL: URL(string: "http://127.0.0.1:\(port)/webhooks/stripe"), webhookSecret: secret,
                statePath: memory || postgres != nil ? nil : database + "-emulator"))
            say("Checkout emulator on \(started.baseURL.absoluteString)")
            settings = ShopSettings(stripeAPIKey: "sk_test_checkout_server", stripeBaseURL: started.baseURL,
                                    webhookSecret: secret, publicURL: "http://127.0.0.1:\(port)")
            local = started
        } else {
            guard let key = environment["STRIPE_API_KEY"], let secret = environment["STRIPE_WEBHOOK_SECRET"] else {
                throw ValidationError("Set STRIPE_API_KEY and STRIPE_WEBHOOK_SECRET, or pass --emulator.")
            }
            // STRIPE_API_BASE points the shop at another Stripe-compatible server, such as a separate emulator.
            let base = environment["STRIPE_API_BASE"].flatMap(URL.init(string:)) ?? StripeConfiguration.stripeAPI
            settings = ShopSettings(stripeAPIKey: key, stripeBaseURL: base, webhookSecret: secret,
                                    publicURL: environment["SHOP_PUBLIC_URL"] ?? "http://127.0.0.1:\(port)")
        }
        var stores = ShopStores()
        var orders = OrderStore()
        var sqlite: SQLiteCheckoutDatabase?
        var postgresDatabase: (client: PostgresClient, task: Task<Void, Never>)?
        if memory {
            say("Orders, order lock, session index and webhook events in memory: forgotten on restart")
        } else if let postgres {
            let client = PostgresClient(configuration: try PostgresClient.Configuration(databaseURL: postgres))
            let task = Task { await client.run() }
            postgresDatabase = (client, task)
            let tables = try PostgresCheckoutTables()
            try await tables.migrate(client)
            stores = ShopStores(lock: PostgresOrderLock(client: client),
                                index: PostgresCheckoutSessionIndex(client: client, tables: tables),
                                events: PostgresProcessedEventStore(client: client, tables: tables))
            say("Order lock, session index and webhook events in PostgreSQL; orders in this process's memory")
        } else {
            let opened = try await SQLiteCheckoutDatabase.open(path: database)
            sqlite = opened
            stores = .sqlite(opened, eventLease: .milliseconds(Int64(eventLeaseSeconds * 1000)))
            orders = try await OrderStore.sqlite(path: database)
            say("Orders, order lock, session index and webhook events in \(database)")
        }
        let shop = try await Shop.start(settings, orders: orders, stores: stores,
                                        fulfil: fulfilment(log: fulfilmentLog, seconds: fulfilmentSeconds))
        say("Shop on http://127.0.0.1:\(port) — open http://127.0.0.1:\(port)/")
        let app = buildShopApplication(shop, port: port)
        try await app.runService()
        await local?.stop()
        await orders.close()
        try? await sqlite?.close()
        postgresDatabase?.task.cancel()
    }
}

/// The demo's fulfilment of a paid order: it takes `seconds`, and is logged to `log` when given.
private func fulfilment(log: String?, seconds: Double) -> ShopFulfilment {
    { order, session in
        append("started \(order) \(session)", to: log)
        if seconds > 0 { try await Task.sleep(for: .milliseconds(Int64(seconds * 1000))) }
        append("finished \(order) \(session)", to: log)
    }
}

/// Appends `line` to the file at `path` (created when missing), in one write.
private func append(_ line: String, to path: String?) {
    guard let path else { return }
    if !FileManager.default.fileExists(atPath: path) { FileManager.default.createFile(atPath: path, contents: nil) }
    guard let handle = FileHandle(forWritingAtPath: path) else { return }
    handle.seekToEndOfFile()
    handle.write(Data((line + "\n").utf8))
    try? handle.close()
}

/// Writes a line to standard output at once (print is block-buffered when piped).
private func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
