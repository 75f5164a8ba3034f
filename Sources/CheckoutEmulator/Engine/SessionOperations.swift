#if Emulator
import Foundation
import StripeCheckout
import StripeRuntime

/// The five Checkout Session endpoints of Stripe's API.
extension CheckoutEngine {
    func createSession(_ request: EmulatorRequest, _ route: APIRoute) throws(APIError) -> EmulatorResponse {
        let params = try body(request, route)
        if let customer = params["customer"]?.string {
            _ = try customerObject(customer, param: "customer")
            if params["customer_email"] != nil {
                throw APIError.invalidRequest("You may only specify one of these parameters: customer, customer_email.",
                                              param: "customer_email")
            }
        }
        // One expression: the builder's copies of the tables end with it, so storing below mutates them in place.
        let (session, items) = try SessionBuilder(prices: state.prices, products: state.products, now: configuration.now(),
                                                  baseURL: baseURL).build(params)
        let answer = try sessionAnswer(session, items: items, expand: try params.expandPaths())
        state.store(session)
        state.lineItems[session.id] = items
        // `price_data[product_data]` makes a product, as on Stripe, so a line item's product can be expanded.
        for item in items {
            guard let productID = item.price?.product?.id, state.products[productID] == nil else { continue }
            var product = newProduct(id: productID)
            product["name"] = .text(item.description)
            EmulatorState.store(product, in: &state.products)
        }
        if session.mode == .subscription, let data = params["subscription_data"] { state.subscriptionData[session.id] = data.json }
        persist()
        return answer
    }

    func listSessions(_ request: EmulatorRequest, _ route: APIRoute) throws(APIError) -> EmulatorResponse {
        let query = try self.query(request, route)
        let page = try state.listSessions(try SessionFilter(query), ListRequest(query))
        let paths = try elementPaths(query)
        let sessions = expiringDue(page.data)
        guard !paths.isEmpty else {
            return Rendering.json(ListObject(data: sessions.map(shaped), hasMore: page.hasMore, url: "/v1/checkout/sessions"))
        }
        var data: [JSONValue] = []
        for session in sessions {
            data.append(try renderSession(session, items: state.lineItems[session.id] ?? [], expand: paths))
        }
        return listAnswer(data, hasMore: page.hasMore, url: "/v1/checkout/sessions")
    }

    func retrieveSession(_ request: EmulatorRequest, _ route: APIRoute) throws(APIError) -> EmulatorResponse {
        let query = try self.query(request, route)
        let session = try session(route.objectID)
        return try sessionAnswer(session, items: state.lineItems[session.id] ?? [], expand: try query.expandPaths())
    }

    func expireSession(_ request: EmulatorRequest, _ route: APIRoute) throws(APIError) -> EmulatorResponse {
        let params = try body(request, route)
        var session = try session(route.objectID)
        guard session.status == .open else {
            throw APIError.invalidRequest(
                "This Checkout Session is not in the expected status. Only Checkout Sessions with a status in [\"open\"] can be expired; this one is `\(session.status?.rawValue ?? "unknown")`.",
                code: "checkout_session_not_open"
            )
        }
        session.status = .expired
        session.url = nil
        let answer = try sessionAnswer(session, items: state.lineItems[session.id] ?? [], expand: try params.expandPaths())
        state.store(session)
        emit("checkout.session.expired", session)
        return answer
    }

    func listLineItems(_ request: EmulatorRequest, _ route: APIRoute) throws(APIError) -> EmulatorResponse {
        let query = try self.query(request, route)
        let id = route.objectID
        _ = try session(id)
        let page = try ListRequest(query).page(of: state.lineItems[id] ?? [], id: \.id)
        let paths = try elementPaths(query)
        var data: [JSONValue] = []
        for item in page.data { data.append(try render(.encoding(item), schema: "item", expand: paths)) }
        return listAnswer(data, hasMore: page.hasMore, url: Rendering.lineItemsURL(id))
    }

    // MARK: Helpers

    /// The stored session, or Stripe's 404.
    func session(_ id: String) throws(APIError) -> CheckoutSession {
        guard let session = expireIfDue(id) else {
            throw APIError.missing("checkout.session", id, param: "session")
        }
        return session
    }

    /// The answer carrying one session: encoded directly when nothing is expanded, the common case.
    func sessionAnswer(_ session: CheckoutSession, items: [Item], expand: [String]) throws(APIError) -> EmulatorResponse {
        guard !expand.isEmpty else { return Rendering.json(shaped(session)) }
        return Rendering.json(try renderSession(session, items: items, expand: expand))
    }

    /// A session as the API answers it; `line_items` (the first ten, as Stripe includes them) only when expanded.
    func renderSession(_ session: CheckoutSession, items: [Item], expand: [String]) throws(APIError) -> JSONValue {
        let lineItems = Rendering.expanded(session, items: items).lineItems
        return try render(.encoding(shaped(session)), schema: "checkout.session", expand: expand,
                          includes: ["line_items": .encoding(lineItems)])
    }

    /// Queues a webhook event carrying `session`.
    func emit(_ type: String, _ session: CheckoutSession) {
        emit(type, object: .encoding(shaped(session)))
    }
}
#endif
