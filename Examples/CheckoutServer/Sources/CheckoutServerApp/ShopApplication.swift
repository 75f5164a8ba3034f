import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ShopKit

/// Serves `shop` with Hummingbird on `host`:`port`: each route hands the request's parts to the shop and writes
/// back its answer (the routes are listed on ``Shop``).
public func buildShopApplication(
    _ shop: Shop, host: String = "127.0.0.1", port: Int,
    onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let router = Router()
    router.get("/") { _, _ in response(shop.frontPage()) }
    router.post("orders") { request, _ in
        response(await shop.createOrder(form: try await formText(request)))
    }
    router.get("api/orders/:id") { _, context in
        response(await shop.orderJSON(try context.parameters.require("id")))
    }
    router.get("orders/:id") { request, context in
        let notice = request.uri.queryParameters["checkout"].map(String.init)
        return response(await shop.orderPage(try context.parameters.require("id"), notice: notice))
    }
    router.post("orders/:id/cart") { request, context in
        response(await shop.updateCart(try context.parameters.require("id"), form: try await formText(request)))
    }
    router.get("orders/:id/checkout") { _, context in
        response(await shop.checkout(try context.parameters.require("id")))
    }
    router.get("orders/:id/success") { _, context in
        response(await shop.success(try context.parameters.require("id")))
    }
    router.get("orders/:id/cancel") { _, context in
        response(await shop.cancelled(try context.parameters.require("id")))
    }
    router.get("orders/:id/subscription") { _, context in
        response(await shop.manageSubscription(try context.parameters.require("id")))
    }
    router.post("webhooks/stripe") { request, _ in
        // The signature covers the exact bytes Stripe sent: collect them before anything reads the body.
        let limit = shop.settings.webhookBodyLimit
        guard let body = try? await request.body.collect(upTo: limit) else {
            return Response(status: .contentTooLarge)
        }
        let signature = HTTPField.Name("Stripe-Signature").flatMap { request.headers[$0] }
        return response(await shop.webhook(payload: Data(buffer: body), signature: signature))
    }
    return Application(
        router: router,
        configuration: ApplicationConfiguration(address: .hostname(host, port: port)),
        onServerRunning: onServerRunning)
}

/// A form body's text; forms here are small, so anything over 4 KB is refused.
private func formText(_ request: Request) async throws -> String {
    String(buffer: try await request.body.collect(upTo: 1 << 12))
}

private func response(_ answer: ShopResponse) -> Response {
    var headers = HTTPFields()
    if let type = answer.contentType { headers[.contentType] = type }
    if let location = answer.location { headers[.location] = location }
    return Response(status: .init(code: answer.status), headers: headers,
                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
}
