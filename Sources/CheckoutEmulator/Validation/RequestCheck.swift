#if Emulator
import StripeRuntime

/// The checks a request to Stripe's API passes before it starts executing: its path values, query and form body
/// against the operation's schema, and the URLs a customer's browser will be sent to. A request that fails here never started, so the idempotency layer stores nothing
/// for it. (`expand[]` is checked when the answer is rendered, before anything is stored.)
extension CheckoutEngine {
    /// The error for a request on `route` that fails validation, or `nil` when it may run.
    func precheck(_ route: APIRoute, _ request: EmulatorRequest) -> APIError? {
        do throws(APIError) {
            if route.operation.requestBody != nil {
                _ = try body(request, route)
            } else {
                _ = try query(request, route)
            }
            return nil
        } catch {
            return error
        }
    }

    /// The form body as a tree, checked (with the path's values) against the operation's schema.
    func body(_ request: EmulatorRequest, _ route: APIRoute) throws(APIError) -> FormTree {
        let tree = try formTree(request.formFields)
        do throws(ValidationFailure) {
            try validatePathValues(route)
            try validator.validateBody(tree, of: route.operation)
        } catch {
            throw APIError.invalid(error)
        }
        if let params = Self.redirectURLParams[route.operationID], let failure = RedirectURLCheck.failure(in: tree, params: params) {
            throw failure
        }
        if let failure = EmulatedParameters.failure(in: tree, operationID: route.operationID,
                                                    method: route.operation.method.rawValue, path: route.operation.path) {
            throw failure
        }
        return tree
    }

    /// The parameters of each operation that name a URL the customer's browser is sent to, which must be absolute
    /// `http`/`https` URLs (``RedirectURLCheck``).
    static let redirectURLParams = [
        "PostCheckoutSessions": ["success_url", "cancel_url"],
        "PostBillingPortalSessions": ["return_url"],
    ]

    /// The query string as a tree, checked (with the path's values) against the operation's query parameters.
    func query(_ request: EmulatorRequest, _ route: APIRoute) throws(APIError) -> FormTree {
        let tree = try formTree(request.queryFields)
        do throws(ValidationFailure) {
            try validatePathValues(route)
            try validator.validateQuery(tree, of: route.operation)
        } catch {
            throw APIError.invalid(error)
        }
        return tree
    }

    private func validatePathValues(_ route: APIRoute) throws(ValidationFailure) {
        for (name, value) in route.pathValues.sorted(by: { $0.key < $1.key }) {
            try validator.validatePathParameter(value, named: name, of: route.operation)
        }
    }

    private func formTree(_ fields: [FormField]) throws(APIError) -> FormTree {
        do {
            return try FormTree.build(fields)
        } catch {
            throw APIError.invalidRequest("Invalid parameter: \(error.param) is given more than once or in two shapes.",
                                          param: error.param)
        }
    }
}

extension FormTree {
    /// The `expand[]` values of a request; anything but a list of names is Stripe's 400.
    func expandPaths() throws(APIError) -> [String] {
        guard let expand = self["expand"] else { return [] }
        guard let elements = expand.elements else {
            throw APIError.invalidRequest("Invalid array: expand must be a list of field names.", param: "expand")
        }
        var paths: [String] = []
        for element in elements {
            guard let value = element.string else {
                throw APIError.invalidRequest("Invalid array: expand must be a list of field names.", param: "expand")
            }
            paths.append(value)
        }
        return paths
    }
}
#endif
