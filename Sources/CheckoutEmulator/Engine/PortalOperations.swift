#if Emulator
import Foundation
import StripeCheckout
import StripeRuntime

/// The customer portal: `POST /v1/billing_portal/sessions` answers a `url` on the emulator, where a page of the
/// customer's subscriptions offers to cancel each one at the end of its period or now, and leads back to
/// `return_url`. Cancelling there sends the same events as cancelling through the API.
extension CheckoutEngine {
    func createPortalSession(_ request: EmulatorRequest, _ route: APIRoute) throws(APIError) -> EmulatorResponse {
        let params = try body(request, route)
        guard let customer = params["customer"]?.string else {
            throw APIError.invalidRequest("Missing required param: customer.", param: "customer", code: "parameter_missing")
        }
        _ = try customerObject(customer, param: "customer")
        let returnURL = params["return_url"]?.string
        let id = ObjectID.make("bps_")
        let session: JSONObject = [
            "id": .string(id), "object": .string("billing_portal.session"),
            "configuration": .string("bpc_emulator"), "created": .time(configuration.now()),
            "customer": .string(customer), "livemode": .bool(false), "locale": .text(params["locale"]?.string),
            "return_url": .text(returnURL), "url": .text(baseURL.map { PortalPage.url(for: id, base: $0) }),
        ]
        let answer = try render(.object(session), schema: "billing_portal.session", expand: try params.expandPaths())
        EmulatorState.store(session, in: &state.portalSessions)
        persist()
        return Rendering.json(answer)
    }

    /// The portal's routes, opened by the customer's browser without an API key.
    func portalPage(_ route: Route, _ request: EmulatorRequest) -> EmulatorResponse {
        switch route {
        case .portalPage(let id):
            guard let session = state.portalSessions[id] else { return .html(404, CheckoutPage.notFound(id)) }
            return .html(200, PortalPage.page(session: session, subscriptions: subscriptions(of: session)))
        case .portalCancel(let id, let subscriptionID):
            guard let session = state.portalSessions[id],
                  let subscription = state.subscriptions[subscriptionID]?.objectValue,
                  subscription["customer"]?.referencedID == session["customer"]?.stringValue else {
                return .html(404, CheckoutPage.notFound(id))
            }
            guard subscription["status"]?.stringValue != "canceled" else {
                return .html(409, PortalPage.page(session: session, subscriptions: subscriptions(of: session)))
            }
            let atPeriodEnd = FormTree.fromBody(request)["when"]?.string != "now"
            if atPeriodEnd {
                var updated = subscription
                updated["cancel_at_period_end"] = .bool(true)
                updated["cancel_at"] = subscription["current_period_end"] ?? .null
                updated["canceled_at"] = .time(configuration.now())
                var details = subscription["cancellation_details"]?.objectValue ?? [:]
                details["reason"] = .string("cancellation_requested")
                updated["cancellation_details"] = .object(details)
                storeSubscription(updated, changedFrom: subscription)
            } else {
                _ = cancelNow(subscription, reason: "cancellation_requested",
                              details: subscription["cancellation_details"]?.objectValue ?? [:])
            }
            return .seeOther("/p/session/\(id)")
        default:
            return .html(404, CheckoutPage.notFound(request.path))
        }
    }

    /// The portal customer's subscriptions, newest first, with the name of the product each one sells.
    private func subscriptions(of session: JSONValue) -> [(subscription: JSONValue, product: String)] {
        let customer = session["customer"]?.stringValue
        return state.subscriptions.newestFirst.filter { $0["customer"]?.referencedID == customer }.map { subscription in
            let price = subscription["items"]?["data"]?.arrayValue?.first?["price"]
            let product = price?["product"]?.referencedID.flatMap { state.products[$0]?["name"]?.stringValue }
            return (subscription, product ?? price?["nickname"]?.stringValue ?? "Subscription")
        }
    }
}
#endif
