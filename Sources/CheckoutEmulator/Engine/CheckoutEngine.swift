#if Emulator
import Foundation
import StripeCheckout
import StripeRuntime
import StripeSpec

/// The emulator's behaviour, apart from any server library: turns one request into an answer
/// (or a dropped connection), holding the state, the pending faults and the webhook queue.
actor CheckoutEngine {
    let configuration: EmulatorConfiguration
    let document: OpenAPIDocument
    let validator: SchemaValidator
    /// The spec operations the emulator serves, in spec order, with their paths split.
    let operations: [APIRoute.Served]
    let apiVersion: String
    /// Each component schema's nullable fields, written as `null` when unset.
    let nullableKeys: [String: [String]]
    let authentication: Authentication
    let webhooks: WebhookDispatcher
    /// Where the state is kept across restarts, when `--state` names a file.
    private let database: StateDatabase?
    /// The last write handed to the database; each write waits for the one before, so they land in order.
    private var lastWrite: Task<Void, Never>?
    var state: EmulatorState
    /// Where the emulator answers, known once the server is bound; sessions' `url` points here.
    private(set) var baseURL: URL?
    private var faults = FaultPlan()
    private(set) var requestCounts: [String: Int] = [:]
    /// How many events were emitted, so deliveries are listed in the order their events happened.
    var emittedEvents = 0
    /// Storage keys of idempotent requests that are running now.
    private var keysInFlight: Set<String> = []
    /// When stored idempotent answers were last pruned, on the configured clock.
    private var lastPrune: Date?

    /// The spec operations the emulator serves, by operation id.
    static let operationIDs = [
        "PostCheckoutSessions", "GetCheckoutSessions", "GetCheckoutSessionsSession",
        "PostCheckoutSessionsSessionExpire", "GetCheckoutSessionsSessionLineItems",
        "PostRefunds", "GetRefunds",
        "PostProducts", "GetProducts", "GetProductsId", "PostProductsId",
        "PostPrices", "GetPrices", "GetPricesPrice", "PostPricesPrice",
        "PostCustomers", "GetCustomers", "GetCustomersCustomer", "PostCustomersCustomer", "DeleteCustomersCustomer",
        "GetPaymentIntents", "GetPaymentIntentsIntent",
        "GetEvents", "GetEventsId",
        "GetSubscriptions", "GetSubscriptionsSubscriptionExposedId", "PostSubscriptionsSubscriptionExposedId",
        "DeleteSubscriptionsSubscriptionExposedId", "GetInvoices", "GetInvoicesInvoice", "PostBillingPortalSessions",
    ]

    init(configuration: EmulatorConfiguration, document: OpenAPIDocument, state: EmulatorState,
         database: StateDatabase? = nil) throws {
        let operations = document.operations.filter { Self.operationIDs.contains($0.operationID) }
        let missing = Self.operationIDs.filter { id in !operations.contains { $0.operationID == id } }
        guard missing.isEmpty else {
            throw EmulatorStartError("The spec \(document.sourcePath) lacks the operations \(missing.joined(separator: ", "))")
        }
        self.configuration = configuration
        self.document = document
        self.validator = SchemaValidator(document: document)
        self.operations = operations.map(APIRoute.Served.init)
        self.apiVersion = document.apiVersion
        var nullableKeys: [String: [String]] = [:]
        for name in document.schemaNames { nullableKeys[name] = NullFilled<CheckoutSession>.nullableKeys(of: name, in: document) }
        self.nullableKeys = nullableKeys
        self.authentication = Authentication(keys: configuration.apiKeys)
        self.webhooks = WebhookDispatcher(url: configuration.webhookURL, secret: configuration.webhookSecret,
                                          policy: configuration.webhookRetry)
        self.database = database
        self.state = state
    }

    /// Answers one request.
    func handle(_ request: EmulatorRequest) async -> EmulatorOutcome {
        requestCounts["\(request.method) \(request.path)", default: 0] += 1
        let fault = faults.take(method: request.method, path: request.path)
        switch fault?.kind {
        case .serverError?:
            return .respond(decorate(APIError(status: 500, type: "api_error",
                                              message: "An unexpected error occurred (injected by the emulator).").response))
        case .rateLimit?:
            var error = APIError(status: 429, type: "invalid_request_error",
                                 message: "Too many requests hit the API too quickly (injected by the emulator).",
                                 code: "rate_limit")
            if fault?.sendsShouldRetry != false { error.headers = ["Stripe-Should-Retry": "true"] }
            return .respond(decorate(error.response))
        case .delay?, .dropConnection?, nil:
            break
        }
        let hold = fault?.kind == .delay ? fault?.delay : nil
        let response = decorate(await answer(request, holding: hold))
        // Nothing is acknowledged before what it changed is written.
        await stateWritten()
        return fault?.kind == .dropConnection ? .drop : .respond(response)
    }

    /// Answers one request, holding it back for `hold` (a `delay` fault) just before it runs.
    private func answer(_ request: EmulatorRequest, holding hold: Duration?) async -> EmulatorResponse {
        guard Route.isStripeAPI(request.path) else {
            if let hold { try? await Task.sleep(for: hold) }
            return control(Route(method: request.method, path: request.path), request)
        }
        let apiKey: String
        switch authentication.authenticate(request.headers) {
        case .success(let key): apiKey = key
        case .failure(let error): return error.response
        }
        // Malformed headers are refused before anything is looked up, stored or run.
        if let failure = Idempotency.keyLengthFailure(request.headers["Idempotency-Key"]) { return failure.response }
        let version: RequestedAPIVersion
        switch RequestedAPIVersion.read(request.headers["Stripe-Version"], emulated: apiVersion) {
        case .success(let requested): version = requested
        case .failure(let error): return error.response
        }
        guard let route = APIRoute.match(method: request.method, path: request.path, in: operations) else {
            return APIError(status: 404, type: "invalid_request_error",
                            message: "Unrecognized request URL (\(request.method): \(request.path)).").response
        }
        var response = await answerAPI(route, request, apiKey: apiKey, holding: hold)
        for (name, value) in version.noteHeaders { response.headers[name] = value }
        // Stripe echoes the key a request was sent with.
        if request.method == "POST", let key = request.headers["Idempotency-Key"], !key.isEmpty {
            response.headers["Idempotency-Key"] = key
        }
        return response
    }

    /// Answers an authenticated Stripe API request, through the idempotency layer when it is a POST with a key.
    private func answerAPI(_ route: APIRoute, _ request: EmulatorRequest, apiKey: String,
                           holding hold: Duration?) async -> EmulatorResponse {
        guard request.method == "POST", let key = request.headers["Idempotency-Key"], !key.isEmpty else {
            if let hold { try? await Task.sleep(for: hold) }
            return perform(route, request)
        }
        let storageKey = Idempotency.storageKey(apiKey: apiKey, account: request.headers["Stripe-Account"], key: key)
        let fingerprint = Idempotency.fingerprint(request.formFields)
        let now = configuration.now()
        pruneIdempotency(now: now)
        switch Idempotency.lookup(state.idempotency[storageKey], key: key, method: request.method, path: request.path,
                                  fingerprint: fingerprint, now: now) {
        case .success(let replay)?: return replay
        case .failure(let error)?: return error.response
        case nil: break
        }
        guard !keysInFlight.contains(storageKey) else { return Idempotency.inUse(key).response }
        if let failure = precheck(route, request) { return failure.response }
        keysInFlight.insert(storageKey)
        defer { keysInFlight.remove(storageKey) }
        if let hold { try? await Task.sleep(for: hold) }
        // The request has started executing: its answer is stored whatever it is.
        let response = perform(route, request)
        state.idempotency[storageKey] = IdempotencyRecord(
            method: request.method, path: request.path, fingerprint: fingerprint,
            status: response.status, body: response.body, created: now
        )
        persist()
        return response
    }

    /// Drops stored idempotent answers past their lifetime, at most once a minute of the clock.
    private func pruneIdempotency(now: Date) {
        if let lastPrune, now.timeIntervalSince(lastPrune) < Idempotency.pruneInterval, now >= lastPrune { return }
        lastPrune = now
        Idempotency.prune(&state.idempotency, now: now)
    }

    private func perform(_ route: APIRoute, _ request: EmulatorRequest) -> EmulatorResponse {
        do throws(APIError) {
            switch route.operationID {
            case "PostCheckoutSessions": return try createSession(request, route)
            case "GetCheckoutSessions": return try listSessions(request, route)
            case "GetCheckoutSessionsSession": return try retrieveSession(request, route)
            case "PostCheckoutSessionsSessionExpire": return try expireSession(request, route)
            case "GetCheckoutSessionsSessionLineItems": return try listLineItems(request, route)
            case "PostRefunds": return try createRefund(request, route)
            case "GetRefunds": return try listRefunds(request, route)
            case "PostProducts": return try createProduct(request, route)
            case "GetProducts": return try listProducts(request, route)
            case "GetProductsId": return try retrieveProduct(request, route)
            case "PostProductsId": return try updateProduct(request, route)
            case "PostPrices": return try createPrice(request, route)
            case "GetPrices": return try listPrices(request, route)
            case "GetPricesPrice": return try retrievePrice(request, route)
            case "PostPricesPrice": return try updatePrice(request, route)
            case "PostCustomers": return try createCustomer(request, route)
            case "GetCustomers": return try listCustomers(request, route)
            case "GetCustomersCustomer": return try retrieveCustomer(request, route)
            case "PostCustomersCustomer": return try updateCustomer(request, route)
            case "DeleteCustomersCustomer": return try deleteCustomer(request, route)
            case "GetPaymentIntents": return try listPaymentIntents(request, route)
            case "GetPaymentIntentsIntent": return try retrievePaymentIntent(request, route)
            case "GetEvents": return try listEvents(request, route)
            case "GetEventsId": return try retrieveEvent(request, route)
            case "GetSubscriptions": return try listSubscriptions(request, route)
            case "GetSubscriptionsSubscriptionExposedId": return try retrieveSubscription(request, route)
            case "PostSubscriptionsSubscriptionExposedId": return try updateSubscription(request, route)
            case "DeleteSubscriptionsSubscriptionExposedId": return try cancelSubscription(request, route)
            case "GetInvoices": return try listInvoices(request, route)
            case "GetInvoicesInvoice": return try retrieveInvoice(request, route)
            case "PostBillingPortalSessions": return try createPortalSession(request, route)
            default:
                throw APIError(status: 404, type: "invalid_request_error",
                               message: "Unrecognized request URL (\(request.method): \(request.path)).")
            }
        } catch {
            return error.response
        }
    }

    /// Adds Stripe's common headers to every answer.
    private func decorate(_ response: EmulatorResponse) -> EmulatorResponse {
        var response = response
        response.headers["Request-Id"] = ObjectID.request()
        response.headers["Stripe-Version"] = apiVersion
        return response
    }

    /// A session as Stripe writes it, unset nullable fields as `null`.
    func shaped(_ session: CheckoutSession) -> NullFilled<CheckoutSession> {
        NullFilled(value: session, nullableKeys: nullableKeys["checkout.session"] ?? [])
    }

    /// Learns where the server listens and points every open session's `url` at its checkout page
    /// there, including sessions loaded from a state file written while listening elsewhere.
    func adoptBaseURL(_ url: URL) {
        baseURL = url
        var changed = false
        for session in Array(state.sessions.newestFirst) where session.status == .open {
            var moved = session
            moved.url = CheckoutPage.url(for: session.id, base: url)
            if moved.url != session.url {
                state.store(moved)
                changed = true
            }
        }
        if changed { persist() }
    }

    /// Hands what changed since the last call to the state database, when there is one: one transaction, written
    /// after every earlier one.
    func persist() {
        guard let database else { return state.forgetChanges() }
        let rows: [StateRow]
        do {
            rows = try state.takeChanges()
        } catch {
            return reportStateError(error, database.path)
        }
        guard !rows.isEmpty else { return }
        let previous = lastWrite
        lastWrite = Task {
            await previous?.value
            do {
                try await database.write(rows)
            } catch {
                reportStateError(error, database.path)
            }
        }
    }

    /// Returns once every change handed to the state database so far is written.
    func stateWritten() async {
        await lastWrite?.value
    }

    /// Writes what is pending and closes the state database.
    func closeState() async {
        await stateWritten()
        await database?.close()
    }

    // MARK: Faults and counters for the library API.

    func addFault(_ fault: EmulatorFault) { faults.add(fault) }
    func clearFaults() { faults.removeAll() }
    var pendingFaults: [EmulatorFault] { faults.pending }
}

private func reportStateError(_ error: any Error, _ path: String) {
    FileHandle.standardError.write(Data("checkout-emulator: could not save state to \(path): \(error)\n".utf8))
}

/// Why an emulator could not start.
public struct EmulatorStartError: Error, Sendable, CustomStringConvertible {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}
#endif
