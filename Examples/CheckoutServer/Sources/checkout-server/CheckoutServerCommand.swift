import ArgumentParser
import CheckoutEmulator
import CheckoutServerApp
import Foundation
import Hummingbird

/// Runs the demo shop, against Stripe (keys from the environment) or, with `--emulator`, against a local
/// Checkout emulator started in the same process and wired to the shop's webhook route.
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

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var settings: ShopSettings
        var local: CheckoutEmulator?
        if emulator {
            let secret = "whsec_checkout_server_demo"
            let started = try await CheckoutEmulator.start(EmulatorConfiguration(
                specPath: spec, webhookURL: URL(string: "http://127.0.0.1:\(port)/webhooks/stripe"), webhookSecret: secret))
            say("Checkout emulator on \(started.baseURL.absoluteString)")
            settings = ShopSettings(port: port, stripeAPIKey: "sk_test_checkout_server", stripeBaseURL: started.baseURL,
                                    webhookSecret: secret)
            local = started
        } else {
            guard let key = environment["STRIPE_API_KEY"], let secret = environment["STRIPE_WEBHOOK_SECRET"] else {
                throw ValidationError("Set STRIPE_API_KEY and STRIPE_WEBHOOK_SECRET, or pass --emulator.")
            }
            settings = ShopSettings(port: port, stripeAPIKey: key, webhookSecret: secret,
                                    publicURL: environment["SHOP_PUBLIC_URL"])
        }
        say("Shop on http://127.0.0.1:\(port) — open http://127.0.0.1:\(port)/orders/order-1")
        let app = buildShopApplication(settings)
        try await app.runService()
        await local?.stop()
    }
}

/// Writes a line to standard output at once (print is block-buffered when piped).
private func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
