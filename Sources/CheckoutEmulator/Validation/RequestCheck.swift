import StripeRuntime

/// The checks a Checkout Sessions request passes before it starts executing: its parameters
/// against the operation's schema, its redirect URLs, and `expand[]` against what the emulator can expand. A request
/// that fails here never started, so the idempotency layer stores nothing for it.
extension CheckoutEngine {
    /// The error for a request on `route` that fails validation, or `nil` when it may run.
    func precheck(_ route: Route, _ request: EmulatorRequest) -> APIError? {
        let check: (operation: String, inBody: Bool, sessionID: String?, expandable: Set<String>)
        switch route {
        case .createSession: check = ("PostCheckoutSessions", true, nil, ["line_items"])
        case .listSessions: check = ("GetCheckoutSessions", false, nil, ["data.line_items"])
        case .retrieveSession(let id): check = ("GetCheckoutSessionsSession", false, id, ["line_items"])
        case .expireSession(let id): check = ("PostCheckoutSessionsSessionExpire", true, id, ["line_items"])
        case .listLineItems(let id): check = ("GetCheckoutSessionsSessionLineItems", false, id, [])
        default: return nil
        }
        let tree: FormTree
        do {
            tree = try FormTree.build(check.inBody ? request.formFields : request.queryFields)
        } catch {
            return APIError.invalidRequest("Invalid parameter: \(error.param) is given more than once or in two shapes.",
                                           param: error.param)
        }
        if let operation = operations[check.operation] {
            do throws(ValidationFailure) {
                if let id = check.sessionID { try validator.validatePathParameter(id, named: "session", of: operation) }
                if check.inBody {
                    try validator.validateBody(tree, of: operation)
                } else {
                    try validator.validateQuery(tree, of: operation)
                }
            } catch {
                return APIError.invalid(error)
            }
        }
        if route == .createSession, let failure = RedirectURLCheck.failure(in: tree, params: Self.redirectURLParams) {
            return failure
        }
        return ExpandCheck.failure(tree["expand"], expandable: check.expandable)
    }
}

/// `expand[]` values the emulator cannot expand are errors, as on Stripe for unknown fields,
/// rather than leaving an id where an object was asked for.
enum ExpandCheck {
    /// The error for the first value of `expand` not in `expandable`, if any.
    static func failure(_ expand: FormTree?, expandable: Set<String>) -> APIError? {
        guard let expand else { return nil }
        guard let elements = expand.elements else {
            return APIError.invalidRequest("Invalid array: expand must be a list of field names.", param: "expand")
        }
        for element in elements {
            guard let value = element.string else {
                return APIError.invalidRequest("Invalid array: expand must be a list of field names.", param: "expand")
            }
            if !expandable.contains(value) {
                return APIError.invalidRequest("This property cannot be expanded (\(value)).", param: "expand")
            }
        }
        return nil
    }
}
