import ArgumentParser
import CheckoutEmulator
import Foundation

/// `checkout-emulator`: serves the emulated Checkout API until interrupted.
@main
struct CheckoutEmulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkout-emulator",
        abstract: "A local Stripe-compatible Checkout Sessions server for tests and development."
    )

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: Int

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(name: .customLong("webhook-url"), help: "Where to post checkout.session.* events.")
    var webhookURL: String?

    @Option(name: .customLong("webhook-secret"), help: "The whsec_ secret events are signed with.")
    var webhookSecret: String = "whsec_emulator"

    @Option(help: "A file that keeps the state across restarts.")
    var state: String?

    @Option(help: "The trimmed Checkout spec requests are validated against.")
    var spec: String = "Specs/checkout.yaml"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        if let webhookURL, URL(string: webhookURL)?.scheme == nil {
            throw ValidationError("--webhook-url must be an absolute URL")
        }
        guard webhookSecret.hasPrefix("whsec_") else { throw ValidationError("--webhook-secret must start with whsec_") }
    }

    func run() async throws {
        let configuration = EmulatorConfiguration(
            host: host, port: port, specPath: spec, webhookURL: webhookURL.flatMap(URL.init(string:)),
            webhookSecret: webhookSecret, statePath: state
        )
        let emulator: CheckoutEmulator
        do {
            emulator = try await CheckoutEmulator.start(configuration)
        } catch let error as EmulatorStartError {
            FileHandle.standardError.write(Data("checkout-emulator: error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        FileHandle.standardOutput.write(Data("checkout-emulator listening on \(emulator.baseURL.absoluteString)\n".utf8))
        while !Task.isCancelled {
            try await Task.sleep(for: .seconds(3600))
        }
        await emulator.stop()
    }
}
