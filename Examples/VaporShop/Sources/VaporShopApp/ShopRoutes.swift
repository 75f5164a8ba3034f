import Foundation
import ShopKit
import Vapor

/// Adds `shop`'s routes to `app` (they are listed on ``ShopKit/Shop``): each hands the request's parts to the shop
/// and writes back its answer.
public func configureShop(_ app: Application, shop: Shop) {
    app.get { _ in response(shop.frontPage()) }
    app.post("orders") { request async in response(await shop.createOrder(form: formText(request))) }
    app.get("api", "orders", ":id") { request async in response(await shop.orderJSON(orderSegment(request))) }
    app.get("orders", ":id") { request async in
        let notice = try? request.query.get(String.self, at: "checkout")
        return response(await shop.orderPage(orderSegment(request), notice: notice))
    }
    app.post("orders", ":id", "cart") { request async in
        response(await shop.updateCart(orderSegment(request), form: formText(request)))
    }
    app.get("orders", ":id", "checkout") { request async in response(await shop.checkout(orderSegment(request))) }
    app.get("orders", ":id", "success") { request async in response(await shop.success(orderSegment(request))) }
    app.get("orders", ":id", "cancel") { request async in response(await shop.cancelled(orderSegment(request))) }
    app.get("orders", ":id", "subscription") { request async in
        response(await shop.manageSubscription(orderSegment(request)))
    }
    addWebhookRoute(app, shop: shop)
}

/// The `:id` path segment as the route matched it (the shop decodes it).
private func orderSegment(_ request: Request) -> String {
    request.parameters.get("id") ?? ""
}

/// A form body's text (Vapor collects bodies up to its default limit before the route runs).
private func formText(_ request: Request) -> String {
    request.body.string ?? ""
}

/// Vapor's response for one of the shop's answers.
func response(_ answer: ShopResponse) -> Response {
    var headers = HTTPHeaders()
    if let type = answer.contentType { headers.add(name: .contentType, value: type) }
    if let location = answer.location { headers.add(name: .location, value: location) }
    return Response(status: HTTPResponseStatus(statusCode: answer.status), headers: headers,
                    body: .init(data: answer.body))
}
