#if PostgreSQL
import ArgumentParser
import CheckoutWorkflows
import CheckoutWorkflowsPostgres
import Foundation
import StripeCheckout
import StripeRuntime

/// One order-level checkout call, as one server of a shop makes it: workflows on a Stripe-compatible API at
/// `--stripe-base`, sharing the PostgreSQL order lock and session index. Prints `pay <id>`, `paid <id>` or
/// `processing <id>`.
struct CheckoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "checkout")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Base URL of the Stripe-compatible API (the emulator).")
    var stripeBase: String

    @Option(help: "The order reference.")
    var order: String

    @Option(help: "The cart: one item at this unit amount, in cents.")
    var amount: Int

    @Option(help: "Wait until this unix time (seconds, fractional) before the call, so racers start together.")
    var startAt: Double?

    func run() async throws {
        guard let base = URL(string: stripeBase) else { throw ValidationError("--stripe-base is not a URL: \(stripeBase)") }
        let (order, amount, startAt) = (try OrderReference(order), amount, startAt)
        try await database.withClient { client, tables in
            var configuration = StripeConfiguration(baseURL: base)
            configuration.timeout = .seconds(10)
            let workflows = CheckoutWorkflows(
                stripe: StripeClient(apiKey: "sk_test_postgres_probe", configuration: configuration),
                lock: PostgresOrderLock(client: client),
                index: PostgresCheckoutSessionIndex(client: client, tables: tables))
            let params = CheckoutSessionsAPI.CreateParams(
                cancelURL: "https://shop.example/cart",
                lineItems: [.init(priceData: .init(currency: "usd", productData: .init(name: "Tea tin"), unitAmount: amount),
                                  quantity: 1)],
                mode: .payment,
                successURL: "https://shop.example/done?session_id={CHECKOUT_SESSION_ID}")
            if let startAt { try await sleepUntil(startAt) }
            switch try await workflows.checkout(order, params) {
            case .pay(let session): say("pay \(session.id)")
            case .alreadyPaid(let session): say("paid \(session.id)")
            case .paymentProcessing(let session): say("processing \(session.id)")
            }
        }
    }
}
#endif
