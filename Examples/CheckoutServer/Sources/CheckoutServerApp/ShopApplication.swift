import CheckoutWorkflows
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import StripeCheckout
import StripeRuntime

/// What the shop needs to run: where Stripe is, the keys, and where the customer returns to.
public struct ShopSettings: Sendable {
    public var host: String
    public var port: Int
    public var stripeAPIKey: String
    public var stripeBaseURL: URL
    public var webhookSecret: String
    /// The shop's public address, for Checkout's success and cancel links.
    public var publicURL: String

    public init(host: String = "127.0.0.1", port: Int = 8080, stripeAPIKey: String,
                stripeBaseURL: URL = StripeConfiguration.stripeAPI, webhookSecret: String, publicURL: String? = nil) {
        self.host = host
        self.port = port
        self.stripeAPIKey = stripeAPIKey
        self.stripeBaseURL = stripeBaseURL
        self.webhookSecret = webhookSecret
        self.publicURL = publicURL ?? "http://\(host):\(port)"
    }
}

/// Builds the shop: `GET /orders/{id}/checkout` sends the customer to a Checkout session for the order,
/// `POST /webhooks/stripe` marks orders paid, `GET /orders/{id}` shows where an order stands.
public func buildShopApplication(
    _ settings: ShopSettings, orders: OrderStore = OrderStore(),
    onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let stripe = StripeClient(apiKey: settings.stripeAPIKey,
                              configuration: StripeConfiguration(baseURL: settings.stripeBaseURL))
    let workflows = CheckoutWorkflows(stripe: stripe)
    let webhooks = CheckoutWebhookHandler(verifier: WebhookVerifier(secret: settings.webhookSecret))
        .onCompleted { session, reference in
            guard let reference else { return }
            await orders.markPaid(reference, session: session.id)
        }

    let router = Router()
    router.get("orders/:id") { _, context -> Response in
        let id = try context.parameters.require("id")
        let order = await orders.order(id)
        return try jsonResponse(order)
    }
    router.get("orders/:id/checkout") { _, context -> Response in
        let id = try context.parameters.require("id")
        let order = await orders.order(id)
        guard order.status == .pending else {
            return Response(status: .seeOther, headers: [.location: "\(settings.publicURL)/orders/\(id)"])
        }
        let attempt = CheckoutAttempt(order: try OrderReference(id), number: await orders.nextAttempt(id))
        let session = try await workflows.replaceOpenSession(for: attempt, CheckoutSessionsAPI.CreateParams(
            cancelURL: "\(settings.publicURL)/orders/\(id)",
            lineItems: [.init(priceData: .init(currency: "usd", productData: .init(name: order.item),
                                               unitAmount: order.unitAmount), quantity: order.quantity)],
            metadata: ["order_id": id],
            mode: .payment,
            successURL: "\(settings.publicURL)/orders/\(id)?session_id={CHECKOUT_SESSION_ID}"))
        guard let url = session.url else { throw HTTPError(.badGateway, message: "Checkout returned no URL") }
        return Response(status: .seeOther, headers: [.location: url])
    }
    router.post("webhooks/stripe") { request, _ -> Response in
        let body = try await request.body.collect(upTo: 1 << 20)
        let signature = HTTPField.Name("Stripe-Signature").flatMap { request.headers[$0] }
        let outcome = await webhooks.handle(payload: Data(buffer: body), signatureHeader: signature)
        return Response(status: .init(code: outcome.httpStatus))
    }
    return Application(
        router: router,
        configuration: ApplicationConfiguration(address: .hostname(settings.host, port: settings.port)),
        onServerRunning: onServerRunning)
}

private func jsonResponse(_ value: some Encodable) throws -> Response {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = try encoder.encode(value)
    return Response(status: .ok, headers: [.contentType: "application/json"],
                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
}
