import CheckoutWorkflows
import Foundation
import StripeCheckout
import StripeRuntime
import Vapor

/// Adds the shop's routes to `app`: `GET /orders/:id` shows an order, `GET /orders/:id/checkout` sends the customer
/// to the order's Checkout session (or back to the order when it is paid or its payment is processing),
/// `GET /orders/:id/success` and `GET /orders/:id/cancel` are where Checkout returns the customer,
/// `POST /webhooks/stripe` follows payments, and `GET /api/orders/:id` gives the order as JSON.
public func configureShop(
    _ app: Application, settings: ShopSettings, orders: OrderStore = OrderStore(), stores: ShopStores = ShopStores()
) {
    let stripe = StripeClient(apiKey: settings.stripeAPIKey,
                              configuration: StripeConfiguration(baseURL: settings.stripeBaseURL))
    let workflows = CheckoutWorkflows(stripe: stripe, lock: stores.lock, index: stores.index)

    app.get("api", "orders", ":id") { request async throws -> Response in
        let order = await orders.order(try orderID(request))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Response(status: .ok, headers: ["Content-Type": "application/json"],
                        body: .init(data: try encoder.encode(order)))
    }
    app.get("orders", ":id") { request async throws -> Response in
        let order = await orders.order(try orderID(request))
        let notice = (try? request.query.get(String.self, at: "checkout")).flatMap(ShopPages.Notice.init(rawValue:))
        return html(ShopPages.order(order, notice: notice))
    }
    app.get("orders", ":id", "success") { request async throws -> Response in
        html(ShopPages.success(await orders.order(try orderID(request))))
    }
    app.get("orders", ":id", "cancel") { request async throws -> Response in
        html(ShopPages.cancelled(await orders.order(try orderID(request))))
    }
    app.get("orders", ":id", "checkout") { request async throws -> Response in
        let id = try orderID(request)
        let order = await orders.order(id)
        let page = "\(settings.publicURL)/orders/\(id)"
        switch order.status {
        case .pending, .paymentFailed: break
        case .paid: return redirect("\(page)?checkout=already-paid")
        case .processing: return redirect("\(page)?checkout=processing")
        }
        guard let reference = try? OrderReference(id) else {
            throw Abort(.badRequest, reason: "\(id) is not a usable order reference")
        }
        let decision = try await workflows.checkout(reference, CheckoutSessionsAPI.CreateParams(
            cancelURL: "\(page)/cancel",
            lineItems: [.init(priceData: .init(currency: "usd", productData: .init(name: order.item),
                                               unitAmount: order.unitAmount), quantity: order.quantity)],
            metadata: ["order_id": id],
            mode: .payment,
            successURL: "\(page)/success?session_id={CHECKOUT_SESSION_ID}"))
        switch decision {
        case .pay(let session):
            guard let url = session.url else { throw Abort(.badGateway, reason: "Checkout returned no URL") }
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
    let webhooks = shopWebhookHandler(settings, orders: orders, workflows: workflows, events: stores.events)
    addWebhookRoute(app, handler: webhooks, bodyLimit: settings.webhookBodyLimit)
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

private func orderID(_ request: Request) throws -> String {
    guard let id = request.parameters.get("id"), !id.isEmpty else { throw Abort(.badRequest, reason: "no order id") }
    return id
}

private func redirect(_ location: String) -> Response {
    Response(status: .seeOther, headers: ["Location": location])
}

private func html(_ page: String) -> Response {
    Response(status: .ok, headers: ["Content-Type": "text/html; charset=utf-8"], body: .init(string: page))
}
