#if Emulator
import Foundation
import StripeCheckout
import StripeSpec

/// A local server that behaves like Stripe's API around Checkout, for tests and local development: Checkout
/// Sessions, the catalog, customers, payment intents, refunds and events, with validated requests, idempotency,
/// `expand`, webhooks, injectable faults, optional persistence, and a checkout page at each session's `url`. Start it in-process,
/// point a `StripeClient` at `baseURL`, stop it when done.
///
/// ```swift
/// let emulator = try await CheckoutEmulator.start(EmulatorConfiguration(specPath: "Specs/checkout.yaml"))
/// let stripe = StripeClient(apiKey: "sk_test_123", configuration: .init(baseURL: emulator.baseURL))
/// ```
public final class CheckoutEmulator: Sendable {
    /// Where the emulator answers, e.g. `http://127.0.0.1:54321`.
    public let baseURL: URL
    let engine: CheckoutEngine
    private let server: EmulatorHTTPServer

    private init(baseURL: URL, engine: CheckoutEngine, server: EmulatorHTTPServer) {
        self.baseURL = baseURL
        self.engine = engine
        self.server = server
    }

    /// Loads the spec and any saved state, seeds the configured prices and starts listening.
    public static func start(_ configuration: EmulatorConfiguration = EmulatorConfiguration()) async throws -> CheckoutEmulator {
        let document: OpenAPIDocument
        do {
            document = try SpecLoader.load(contentsOf: configuration.specPath,
                                           overlays: configuration.resolvedOverlayPaths).document
        } catch {
            let details = error.diagnostics.map { "\($0)" }.joined(separator: "\n")
            throw EmulatorStartError("Cannot load the spec \(configuration.specPath):\n\(details)")
        }
        var state = EmulatorState()
        var database: StateDatabase?
        if let path = configuration.statePath {
            do {
                (database, state) = try await StateDatabase.open(path: path)
            } catch {
                throw EmulatorStartError("Cannot read the state file \(path): \(error)")
            }
        }
        let engine: CheckoutEngine
        do {
            engine = try CheckoutEngine(configuration: configuration, document: document, state: state, database: database)
        } catch {
            await database?.close()
            throw error
        }
        for price in configuration.prices {
            _ = try await engine.addPrice(price)
        }
        let server = try await EmulatorHTTPServer.start(host: configuration.host, port: configuration.port) { request in
            await engine.handle(request)
        }
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        guard let url = URL(string: "http://\(host):\(server.port)") else {
            await server.stop()
            throw EmulatorStartError("Cannot form a URL for \(host):\(server.port)")
        }
        await engine.adoptBaseURL(url)
        return CheckoutEmulator(baseURL: url, engine: engine, server: server)
    }

    /// Stops listening, closes connections and cancels pending webhook retries.
    public func stop() async {
        await server.stop()
        await engine.webhooks.cancelAll()
        await engine.closeState()
    }

    /// Makes a price known by id (returns it as Stripe would).
    @discardableResult
    public func addPrice(_ price: EmulatorPrice) async throws -> Price {
        try await engine.addPrice(price)
    }

    /// Injects `fault` into the next matching requests.
    public func inject(_ fault: EmulatorFault) async {
        await engine.addFault(fault)
    }

    /// Removes every pending fault.
    public func clearFaults() async {
        await engine.clearFaults()
    }

    /// Pays an open session, as `POST /_emulator/checkout/sessions/{id}/complete` does. With
    /// `delayedPayment`, it completes as a delayed payment method would: `payment_status` stays
    /// `unpaid` until `settleAsyncPayment(sessionID:succeeded:)`.
    @discardableResult
    public func complete(sessionID: String, email: String? = nil, delayedPayment: Bool = false) async throws -> CheckoutSession {
        try await engine.complete(sessionID, email: email, delayedPayment: delayedPayment)
    }

    /// Settles a session completed with a delayed payment, as
    /// `POST /_emulator/checkout/sessions/{id}/async_payment` does: `paid` and
    /// `checkout.session.async_payment_succeeded`, or still `unpaid` and `…async_payment_failed`.
    @discardableResult
    public func settleAsyncPayment(sessionID: String, succeeded: Bool) async throws -> CheckoutSession {
        try await engine.settleAsyncPayment(sessionID, succeeded: succeeded)
    }

    /// Bills the next period of a subscription, as `POST /_emulator/subscriptions/{id}/renew` does: a paid invoice
    /// (`invoice.paid`, the subscription `active`), or with `paid: false` a failed one (`invoice.payment_failed`,
    /// `past_due`); a subscription set to cancel at the end of its period ends instead. Returns the subscription.
    @discardableResult
    public func renewSubscription(_ id: String, paid: Bool = true) async throws -> Subscription {
        let renewed = try await engine.renewSubscription(id, paid: paid)
        guard let subscription = await engine.nullFilled(.object(renewed), schema: "subscription").decoded(as: Subscription.self) else {
            throw APIError(status: 500, type: "api_error", message: "The subscription \(id) does not decode as the bindings' Subscription.")
        }
        return subscription
    }

    /// Every refund, newest first.
    public func refunds() async -> [Refund] {
        await Array(engine.state.refunds.newestFirst)
    }

    /// Every session, newest first.
    public func sessions() async -> [CheckoutSession] {
        await Array(engine.state.sessions.newestFirst)
    }

    /// How many requests arrived for `method` and exact `path`, answered or not.
    public func requestCount(method: String, path: String) async -> Int {
        await engine.requestCounts["\(method.uppercased()) \(path)"] ?? 0
    }

    /// The webhook deliveries so far, oldest first.
    public func webhookDeliveries() async -> [WebhookDeliveryRecord] {
        await engine.webhooks.deliveries
    }
}
#endif
