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

/// Where the shop keeps what must hold across requests and servers: the per-order lock, the session index and
/// the handled webhook events. In memory by default (one server); shared stores for several servers.
public struct ShopStores: Sendable {
    public var lock: any OrderLock
    public var index: (any CheckoutSessionIndex)?
    public var events: any ProcessedEventStore

    public init(lock: any OrderLock = InProcessOrderLock(), index: (any CheckoutSessionIndex)? = nil,
                events: any ProcessedEventStore = InMemoryProcessedEventStore()) {
        self.lock = lock
        self.index = index
        self.events = events
    }
}

/// Builds the shop: `GET /orders/{id}` shows an order and its payment, `POST /orders/{id}/cart` changes its
/// quantity, `GET /orders/{id}/checkout` sends the customer to the order's Checkout session (or back to the order
/// when it is paid or its payment is processing), `POST /webhooks/stripe` follows payments, and
/// `GET /api/orders/{id}` gives the order as JSON.
public func buildShopApplication(
    _ settings: ShopSettings, orders: OrderStore = OrderStore(), stores: ShopStores = ShopStores(),
    onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let stripe = StripeClient(apiKey: settings.stripeAPIKey,
                              configuration: StripeConfiguration(baseURL: settings.stripeBaseURL))
    let workflows = CheckoutWorkflows(stripe: stripe, lock: stores.lock, index: stores.index)
    let webhooks = shopWebhookHandler(settings, orders: orders, workflows: workflows, events: stores.events)

    let router = Router()
    router.get("api/orders/:id") { _, context -> Response in
        try jsonResponse(await orders.order(try context.parameters.require("id")))
    }
    router.get("orders/:id") { request, context -> Response in
        let id = try context.parameters.require("id")
        let order = await orders.order(id)
        var sessionStatus: String?
        if let session = order.checkoutSession {
            sessionStatus = (try? await stripe.checkout.sessions.retrieve(session)).flatMap { $0.status?.rawValue }
        }
        let query = request.uri.queryParameters
        let notice = query["checkout"].flatMap { ShopPages.Notice(rawValue: String($0)) }
            ?? (query["session_id"] != nil ? .returned : nil)
        return htmlResponse(ShopPages.order(order, sessionStatus: sessionStatus, notice: notice))
    }
    router.post("orders/:id/cart") { request, context -> Response in
        let id = try context.parameters.require("id")
        let form = try await request.body.collect(upTo: 1 << 12)
        let fields = FormBody.parse(String(buffer: form))
        guard let quantity = fields.first(where: { $0.name == "quantity" }).flatMap({ Int($0.value) }) else {
            throw HTTPError(.badRequest, message: "quantity must be a whole number")
        }
        await orders.setQuantity(id, quantity)
        return redirect("\(settings.publicURL)/orders/\(id)")
    }
    router.get("orders/:id/checkout") { _, context -> Response in
        let id = try context.parameters.require("id")
        let order = await orders.order(id)
        let page = "\(settings.publicURL)/orders/\(id)"
        switch order.status {
        // A failed delayed payment leaves the order payable: the workflows skip the session whose payment failed.
        case .pending, .paymentFailed: break
        case .paid: return redirect("\(page)?checkout=already-paid")
        case .processing: return redirect("\(page)?checkout=processing")
        }
        let decision = try await workflows.checkout(try OrderReference(id), CheckoutSessionsAPI.CreateParams(
            cancelURL: page,
            lineItems: [.init(priceData: .init(currency: "usd", productData: .init(name: order.item),
                                               unitAmount: order.unitAmount), quantity: order.quantity)],
            metadata: ["order_id": id],
            mode: .payment,
            successURL: "\(page)?session_id={CHECKOUT_SESSION_ID}"))
        switch decision {
        case .pay(let session):
            guard let url = session.url else { throw HTTPError(.badGateway, message: "Checkout returned no URL") }
            await orders.sentToCheckout(id, session: session.id)
            return redirect(url)
        case .alreadyPaid(let session):
            await orders.markPaid(id, session: session.id)
            return redirect("\(page)?checkout=already-paid")
        case .paymentProcessing(let session):
            await orders.markProcessing(id, session: session.id)
            return redirect("\(page)?checkout=processing")
        }
    }
    router.post("webhooks/stripe") { request, _ -> Response in
        // The signature covers the exact bytes Stripe sent: collect them before anything reads the body.
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

/// The shop's webhook handler: completed payments mark orders paid (or processing, for delayed methods), the
/// async events settle them, and a second payment of one order is refunded.
private func shopWebhookHandler(
    _ settings: ShopSettings, orders: OrderStore, workflows: CheckoutWorkflows, events: any ProcessedEventStore
) -> CheckoutWebhookHandler {
    CheckoutWebhookHandler(verifier: WebhookVerifier(secret: settings.webhookSecret), store: events, workflows: workflows)
        .onCompleted { session, reference in
            guard let reference else { return }
            if session.paymentStatus == .unpaid {
                await orders.markProcessing(reference, session: session.id)
            } else {
                await orders.markPaid(reference, session: session.id)
            }
        }
        .onAsyncPaymentSucceeded { session, reference in
            guard let reference else { return }
            await orders.markPaid(reference, session: session.id)
        }
        .onAsyncPaymentFailed { session, reference in
            guard let reference else { return }
            await orders.markPaymentFailed(reference, session: session.id)
        }
        .onDuplicatePayment { payment in
            _ = try await workflows.refundDuplicatePayment(payment.duplicate)
            await orders.recordDuplicate(payment.order.value, original: payment.original.id, refunded: payment.duplicate.id)
        }
}

private func redirect(_ location: String) -> Response {
    Response(status: .seeOther, headers: [.location: location])
}

private func htmlResponse(_ html: String) -> Response {
    Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
             body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
}

private func jsonResponse(_ value: some Encodable) throws -> Response {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = try encoder.encode(value)
    return Response(status: .ok, headers: [.contentType: "application/json"],
                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
}
