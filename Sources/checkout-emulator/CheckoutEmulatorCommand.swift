#if Emulator
import ArgumentParser
import CheckoutEmulator
import Foundation

/// `checkout-emulator`: serves the emulated Checkout API until interrupted.
@main
struct CheckoutEmulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkout-emulator",
        abstract: "A local Stripe-compatible Checkout Sessions server for tests and development.",
        discussion: """
            Stripe API (Bearer sk_test_… key; checked against the spec;
            Idempotency-Key honoured, at most 255 characters; answers in the
            spec's Stripe-Version, a malformed one is a 400):
              /v1/checkout/sessions     create, list, retrieve, expire, line_items
              /v1/products, /v1/prices  create, list, retrieve, update
                                        (prices: lookup_keys[], recurring)
              /v1/customers             create, list, retrieve, update, delete
              /v1/payment_intents       list, retrieve
              /v1/subscriptions         list, retrieve, update, cancel
              /v1/invoices              list, retrieve
              /v1/refunds               create, list
              /v1/billing_portal/sessions  create
              /v1/events                list, retrieve
            expand[] works for every reference to an object it holds.

            Hosted pages (no key):
              GET  /c/pay/{id}          a session's items, total, Pay, Cancel
              GET  /p/session/{id}      a portal session: the customer's
                                        subscriptions, Cancel, Return

            Driving it (no key):
              POST /_emulator/checkout/sessions/{id}/complete
                   [email=…] [delayed=true: completes unpaid]
              POST /_emulator/checkout/sessions/{id}/async_payment
                   outcome=succeeded|failed
              POST /_emulator/subscriptions/{id}/renew outcome=paid|failed
              POST /_emulator/prices, POST|DELETE /_emulator/faults (JSON)

            Webhooks to --webhook-url, signed with --webhook-secret:
              checkout.session.*, customer.created, customer.subscription.*,
              invoice.paid, invoice.payment_failed
            A failed delivery is retried with waits that double; by default
            5 attempts within 1.5 s. Stripe retries for up to 3 days in live
            mode (exponential backoff), and in test mode 3 retries spread
            over a few hours; --webhook-retry-for 3d comes close to live mode.

            --state FILE keeps everything in an SQLite database, one row per
            object, written before each answer; a JSON state file of an
            earlier version is migrated at start. SIGTERM or SIGINT stops it
            cleanly.
            """
    )

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: Int

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(name: .customLong("webhook-url"), help: "Where to post events (checkout.session.*, customer.*, invoice.*).")
    var webhookURL: String?

    @Option(name: .customLong("webhook-secret"), help: "The whsec_ secret events are signed with.")
    var webhookSecret: String = "whsec_emulator"

    @Option(name: .customLong("webhook-retry-for"),
            help: "How long failed webhook deliveries are retried (90s, 72h, 3d, 1h30m): the first retry after a thousandth of it, each wait doubling up to a third of it. Stripe retries for up to 3 days in live mode and 3 times over a few hours in test mode. Default: 5 attempts within 1.5 s.")
    var webhookRetryFor: String?

    @Option(name: .customLong("webhook-timeout"),
            help: "How long each webhook delivery waits for the endpoint's answer (e.g. 10s).")
    var webhookTimeout: String = "5s"

    @Option(help: "A file that keeps the state across restarts.")
    var state: String?

    @Option(help: "The trimmed Checkout spec requests are validated against.")
    var spec: String = "Specs/checkout.yaml"

    @Option(name: .customLong("overlay"),
            help: "An OpenAPI Overlay file applied to the spec (repeatable); default: overlays/checkout-list-filters.yaml beside the spec, if present.")
    var overlays: [String] = []

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        if let webhookURL, URL(string: webhookURL)?.scheme == nil {
            throw ValidationError("--webhook-url must be an absolute URL")
        }
        guard webhookSecret.hasPrefix("whsec_") else { throw ValidationError("--webhook-secret must start with whsec_") }
        _ = try webhookRetryPolicy()
    }

    /// The retry policy the webhook flags describe; a usage error names the flag that cannot be read.
    func webhookRetryPolicy() throws -> WebhookRetryPolicy {
        let timeout: Duration
        do {
            timeout = try DurationText.parse(webhookTimeout)
        } catch {
            throw ValidationError("--webhook-timeout: \(error)")
        }
        guard timeout > .zero else { throw ValidationError("--webhook-timeout must be longer than zero") }
        guard let webhookRetryFor else { return WebhookRetryPolicy(timeout: timeout) }
        do {
            return .exponential(retryingFor: try DurationText.parse(webhookRetryFor), timeout: timeout)
        } catch {
            throw ValidationError("--webhook-retry-for: \(error)")
        }
    }

    func run() async throws {
        let configuration = EmulatorConfiguration(
            host: host, port: port, specPath: spec, overlayPaths: overlays.isEmpty ? nil : overlays, webhookURL: webhookURL.flatMap(URL.init(string:)),
            webhookSecret: webhookSecret, statePath: state, webhookRetry: try webhookRetryPolicy()
        )
        let emulator: CheckoutEmulator
        do {
            emulator = try await CheckoutEmulator.start(configuration)
        } catch let error as EmulatorStartError {
            FileHandle.standardError.write(Data("checkout-emulator: error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        FileHandle.standardOutput.write(Data("checkout-emulator listening on \(emulator.baseURL.absoluteString)\n".utf8))
        await terminationRequested()
        // A clean stop: pending state written and the state database closed (its WAL folded back into the file).
        await emulator.stop()
    }
}

/// Returns when the process receives SIGTERM or SIGINT (which then no longer end it at once).
private func terminationRequested() async {
    let (signals, continuation) = AsyncStream<Void>.makeStream()
    let sources = [SIGTERM, SIGINT].map { number in
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number)
        source.setEventHandler { continuation.yield() }
        source.resume()
        return source
    }
    for await _ in signals { break }
    for source in sources { source.cancel() }
}
#endif
