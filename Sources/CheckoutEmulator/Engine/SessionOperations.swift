import Foundation
import StripeCheckout
import StripeRuntime

/// The five Checkout Session endpoints of Stripe's API.
extension CheckoutEngine {
    func createSession(_ request: EmulatorRequest) throws(APIError) -> EmulatorResponse {
        let params = try body(request, operation: "PostCheckoutSessions")
        if let failure = RedirectURLCheck.failure(in: params, params: Self.redirectURLParams) { throw failure }
        let (session, items) = try SessionBuilder(prices: state.prices, now: configuration.now(), baseURL: baseURL).build(params)
        state.store(session)
        state.lineItems[session.id] = items
        persist()
        return Rendering.json(shaped(try render(session, expand: params["expand"])))
    }

    func listSessions(_ request: EmulatorRequest) throws(APIError) -> EmulatorResponse {
        let query = try self.query(request, operation: "GetCheckoutSessions")
        let page = try state.listSessions(try SessionFilter(query), ListRequest(query))
        let expand = query["expand"]?.elements?.compactMap(\.string) ?? []
        for value in expand where value != "data.line_items" {
            throw APIError.invalidRequest("This property cannot be expanded (\(value)).", param: "expand")
        }
        let data = expiringDue(page.data).map { session in
            shaped(expand.isEmpty ? session : Rendering.expanded(session, items: state.lineItems[session.id] ?? []))
        }
        return Rendering.json(ListObject(data: data, hasMore: page.hasMore, url: "/v1/checkout/sessions"))
    }

    func retrieveSession(_ id: String, _ request: EmulatorRequest) throws(APIError) -> EmulatorResponse {
        let query = try self.query(request, operation: "GetCheckoutSessionsSession", sessionID: id)
        return Rendering.json(shaped(try render(try session(id), expand: query["expand"])))
    }

    func expireSession(_ id: String, _ request: EmulatorRequest) throws(APIError) -> EmulatorResponse {
        let params = try body(request, operation: "PostCheckoutSessionsSessionExpire", sessionID: id)
        var session = try session(id)
        guard session.status == .open else {
            throw APIError.invalidRequest(
                "This Checkout Session is not in the expected status. Only Checkout Sessions with a status in [\"open\"] can be expired; this one is `\(session.status?.rawValue ?? "unknown")`.",
                code: "checkout_session_not_open"
            )
        }
        session.status = .expired
        session.url = nil
        state.store(session)
        persist()
        emit("checkout.session.expired", session)
        return Rendering.json(shaped(try render(session, expand: params["expand"])))
    }

    func listLineItems(_ id: String, _ request: EmulatorRequest) throws(APIError) -> EmulatorResponse {
        let query = try self.query(request, operation: "GetCheckoutSessionsSessionLineItems", sessionID: id)
        _ = try session(id)
        let page = try ListRequest(query).page(of: state.lineItems[id] ?? [], id: \.id)
        return Rendering.json(ListObject(data: page.data, hasMore: page.hasMore, url: Rendering.lineItemsURL(id)))
    }

    // MARK: Helpers

    /// The create parameters that hold a URL the customer is sent to.
    static let redirectURLParams = ["success_url", "cancel_url"]

    /// The stored session, or Stripe's 404.
    func session(_ id: String) throws(APIError) -> CheckoutSession {
        guard let session = expireIfDue(id) else {
            throw APIError.missing("checkout.session", id, param: "session")
        }
        return session
    }

    /// The form body as a tree, checked against the operation's schema.
    func body(_ request: EmulatorRequest, operation id: String, sessionID: String? = nil) throws(APIError) -> FormTree {
        let tree = try tree(request.formFields)
        guard let operation = operations[id] else { return tree }
        do throws(ValidationFailure) {
            if let sessionID { try validator.validatePathParameter(sessionID, named: "session", of: operation) }
            try validator.validateBody(tree, of: operation)
        } catch {
            throw APIError.invalid(error)
        }
        return tree
    }

    /// The query string as a tree, checked against the operation's query parameters.
    func query(_ request: EmulatorRequest, operation id: String, sessionID: String? = nil) throws(APIError) -> FormTree {
        let tree = try tree(request.queryFields)
        guard let operation = operations[id] else { return tree }
        do throws(ValidationFailure) {
            if let sessionID { try validator.validatePathParameter(sessionID, named: "session", of: operation) }
            try validator.validateQuery(tree, of: operation)
        } catch {
            throw APIError.invalid(error)
        }
        return tree
    }

    private func tree(_ fields: [FormField]) throws(APIError) -> FormTree {
        do {
            return try FormTree.build(fields)
        } catch {
            throw APIError.invalidRequest("Invalid parameter: \(error.param) is given more than once or in two shapes.",
                                          param: error.param)
        }
    }

    /// A session as returned, with line items when `expand` asks for them.
    private func render(_ session: CheckoutSession, expand: FormTree?) throws(APIError) -> CheckoutSession {
        let values = expand?.elements?.compactMap(\.string) ?? []
        var result = session
        for value in values {
            guard CheckoutSession.ExpandableField.allCases.map(\.rawValue).contains(value) else {
                throw APIError.invalidRequest("This property cannot be expanded (\(value)).", param: "expand")
            }
            if value == "line_items" {
                result = Rendering.expanded(session, items: state.lineItems[session.id] ?? [])
            }
        }
        return result
    }

    /// Queues a webhook event carrying `session`.
    func emit(_ type: String, _ session: CheckoutSession) {
        let eventID = ObjectID.event()
        let event = EventObject(
            id: eventID, type: type, created: Int(configuration.now().timeIntervalSince1970),
            apiVersion: apiVersion, data: .init(object: shaped(session))
        )
        guard let payload = try? JSONEncoder.emulator.encode(event) else { return }
        let webhooks = self.webhooks
        emittedEvents += 1
        let sequence = emittedEvents
        Task { await webhooks.enqueue(eventID: eventID, type: type, payload: payload, sequence: sequence) }
    }
}
