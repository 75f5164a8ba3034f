#if Emulator
import CheckoutEmulator
import CheckoutWorkflows
import Foundation
import StripeCheckout
import StripeRuntime

/// The repository's Checkout spec, which the emulator validates requests against.
let checkoutSpecPath = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Specs/checkout.yaml").path

/// An emulator on loopback and workflows pointed at it, with retries that do not really sleep.
struct WorkflowHarness {
    let emulator: CheckoutEmulator
    let stripe: StripeClient
    let workflows: CheckoutWorkflows

    static func start(webhookURL: URL? = nil, secret: String = "whsec_workflows") async throws -> WorkflowHarness {
        let emulator = try await CheckoutEmulator.start(EmulatorConfiguration(
            specPath: checkoutSpecPath, webhookURL: webhookURL, webhookSecret: secret))
        let stripe = client(for: emulator)
        return WorkflowHarness(emulator: emulator, stripe: stripe, workflows: CheckoutWorkflows(stripe: stripe))
    }

    /// Another client for the same emulator, as a second process of the same shop would have.
    static func client(for emulator: CheckoutEmulator) -> StripeClient {
        var configuration = StripeConfiguration(baseURL: emulator.baseURL)
        configuration.sleep = { _ in }
        configuration.timeout = .seconds(5)
        return StripeClient(apiKey: "sk_test_workflows", configuration: configuration)
    }

    func stop() async { await emulator.stop() }
}

/// A `checkout.session.completed` delivery carrying `session` as the API renders it, and its signature header.
func signedCompletedEvent(_ id: String, _ session: CheckoutSession, signer: WebhookSigner) throws -> (Data, String) {
    let object = String(decoding: try JSONEncoder().encode(session), as: UTF8.self)
    let payload = Data("""
    {"id": "\(id)", "object": "event", "type": "checkout.session.completed", "created": \(Int(Date().timeIntervalSince1970)),
     "livemode": false, "api_version": "2023-08-16", "pending_webhooks": 1,
     "request": {"id": null, "idempotency_key": null}, "data": {"object": \(object)}}
    """.utf8)
    return (payload, signer.header(for: payload))
}

/// Create params for a one-item payment; `clientReferenceID` is set by the workflows (or by `reference`, for a
/// session made around them).
func orderParams(amount: Int = 1_200, reference: String? = nil) -> CheckoutSessionsAPI.CreateParams {
    CheckoutSessionsAPI.CreateParams(
        cancelURL: "https://shop.example/cart",
        clientReferenceID: reference,
        lineItems: [.init(priceData: .init(currency: "usd", productData: .init(name: "Tea tin"), unitAmount: amount), quantity: 1)],
        mode: .payment,
        successURL: "https://shop.example/done?session_id={CHECKOUT_SESSION_ID}")
}
#endif
