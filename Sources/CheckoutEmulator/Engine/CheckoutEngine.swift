import Foundation
import StripeCheckout
import StripeRuntime
import StripeSpec

/// The emulator's behaviour, apart from any server library: turns one request into an answer
/// (or a dropped connection), holding the state, the pending faults and the webhook queue.
actor CheckoutEngine {
    let configuration: EmulatorConfiguration
    let validator: SchemaValidator
    let operations: [String: StripeSpec.Operation]
    let apiVersion: String
    /// The nullable fields of a Checkout Session, written as `null` when unset.
    let sessionNullableKeys: [String]
    /// The nullable fields of a Refund, written as `null` when unset.
    let refundNullableKeys: [String]
    let authentication: Authentication
    let webhooks: WebhookDispatcher
    private let stateFile: StateFile?
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
    ]

    init(configuration: EmulatorConfiguration, document: OpenAPIDocument, state: EmulatorState) throws {
        var operations: [String: StripeSpec.Operation] = [:]
        for operation in document.operations where Self.operationIDs.contains(operation.operationID) {
            operations[operation.operationID] = operation
        }
        let missing = Self.operationIDs.filter { operations[$0] == nil }
        guard missing.isEmpty else {
            throw EmulatorStartError("The spec \(document.sourcePath) lacks the operations \(missing.joined(separator: ", "))")
        }
        self.configuration = configuration
        self.validator = SchemaValidator(document: document)
        self.operations = operations
        self.apiVersion = document.apiVersion
        self.sessionNullableKeys = NullFilled<CheckoutSession>.nullableKeys(of: "checkout.session", in: document)
        self.refundNullableKeys = NullFilled<Refund>.nullableKeys(of: "refund", in: document)
        self.authentication = Authentication(keys: configuration.apiKeys)
        self.webhooks = WebhookDispatcher(url: configuration.webhookURL, secret: configuration.webhookSecret,
                                          policy: configuration.webhookRetry)
        self.stateFile = configuration.statePath.map(StateFile.init(path:))
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
        return fault?.kind == .dropConnection ? .drop : .respond(response)
    }

    /// Answers one request, holding it back for `hold` (a `delay` fault) just before it runs.
    private func answer(_ request: EmulatorRequest, holding hold: Duration?) async -> EmulatorResponse {
        let route = Route(method: request.method, path: request.path)
        guard route.isStripeAPI else {
            if let hold { try? await Task.sleep(for: hold) }
            return control(route, request)
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
        var response = await answerAPI(route, request, apiKey: apiKey, holding: hold)
        for (name, value) in version.noteHeaders { response.headers[name] = value }
        return response
    }

    /// Answers an authenticated Stripe API request, through the idempotency layer when it is a POST with a key.
    private func answerAPI(_ route: Route, _ request: EmulatorRequest, apiKey: String,
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
        let kept = Idempotency.pruned(state.idempotency, now: now)
        if kept.count != state.idempotency.count { state.idempotency = kept }
    }

    private func perform(_ route: Route, _ request: EmulatorRequest) -> EmulatorResponse {
        do throws(APIError) {
            switch route {
            case .createSession: return try createSession(request)
            case .listSessions: return try listSessions(request)
            case .retrieveSession(let id): return try retrieveSession(id, request)
            case .expireSession(let id): return try expireSession(id, request)
            case .listLineItems(let id): return try listLineItems(id, request)
            case .createRefund: return try createRefund(request)
            case .listRefunds: return try listRefunds(request)
            default: return control(route, request)
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
        NullFilled(value: session, nullableKeys: sessionNullableKeys)
    }

    /// Learns where the server listens and points every open session's `url` at its checkout page
    /// there, including sessions loaded from a state file written while listening elsewhere.
    func adoptBaseURL(_ url: URL) {
        baseURL = url
        var changed = false
        for session in Array(state.newestFirst()) where session.status == .open {
            var moved = session
            moved.url = CheckoutPage.url(for: session.id, base: url)
            if moved.url != session.url {
                state.store(moved)
                changed = true
            }
        }
        if changed { persist() }
    }

    /// Saves the state when a state file is configured.
    func persist() {
        guard let stateFile else { return }
        do {
            try stateFile.save(state)
        } catch {
            FileHandle.standardError.write(Data("checkout-emulator: could not save state to \(stateFile.url.path): \(error)\n".utf8))
        }
    }

    // MARK: Faults and counters for the library API.

    func addFault(_ fault: EmulatorFault) { faults.add(fault) }
    func clearFaults() { faults.removeAll() }
    var pendingFaults: [EmulatorFault] { faults.pending }
}

/// Why an emulator could not start.
public struct EmulatorStartError: Error, Sendable, CustomStringConvertible {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}
