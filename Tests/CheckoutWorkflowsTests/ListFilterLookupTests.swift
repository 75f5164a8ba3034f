#if Emulator
import CheckoutEmulator
import CheckoutWorkflows
import Foundation
import StripeCheckout
import StripeRuntime
import Testing

/// Sends through URLSession and remembers each request's URL, so tests can read the list filters sent.
private final class RecordingTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var urls: [(method: HTTPMethod, url: URL)] = []
    private let base = URLSessionTransport()

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        lock.withLock { urls.append((request.method, request.url)) }
        return try await base.send(request)
    }

    /// The query of each `GET /v1/checkout/sessions` sent so far, decoded, in order.
    var listQueries: [[String: String]] {
        lock.withLock { urls }.compactMap { method, url in
            guard method == .get, url.path == "/v1/checkout/sessions", let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
            else { return nil }
            return Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }) { first, _ in first }
        }
    }

    func clear() { lock.withLock { urls.removeAll() } }
}

/// A clock that starts `offset` seconds from now and moves when told.
private final class ShiftedClock: @unchecked Sendable {
    private let lock = NSLock()
    private var offset: TimeInterval

    init(offset: TimeInterval) { self.offset = offset }

    var now: Date { lock.withLock { Date().addingTimeInterval(offset) } }
    func set(offset: TimeInterval) { lock.withLock { self.offset = offset } }
}

/// Workflows on an emulator whose clock `clock` gives, calling through a recording transport.
private struct RecordedHarness {
    let emulator: CheckoutEmulator
    let transport = RecordingTransport()
    let workflows: CheckoutWorkflows

    init(clock: ShiftedClock) async throws {
        emulator = try await CheckoutEmulator.start(EmulatorConfiguration(specPath: checkoutSpecPath, now: { clock.now }))
        var configuration = StripeConfiguration(baseURL: emulator.baseURL)
        configuration.sleep = { _ in }
        workflows = CheckoutWorkflows(stripe: StripeClient(apiKey: "sk_test_workflows", configuration: configuration,
                                                           transport: transport))
    }
}

@Suite("Finding an order's sessions with the status and created list filters")
struct ListFilterLookupTests {
    @Test("open sessions are listed with status=open and a created window of the session lifetime, and match a full scan")
    func openSessionsUseFilters() async throws {
        let clock = ShiftedClock(offset: 0)
        let harness = try await RecordedHarness(clock: clock)
        let stripe = harness.workflows.stripe
        let order = try OrderReference("order-filters")
        let paid = try await stripe.checkout.sessions.create(orderParams(reference: order.value))
        _ = try await harness.emulator.complete(sessionID: paid.id)
        let first = try await stripe.checkout.sessions.create(orderParams(amount: 900, reference: order.value))
        let gone = try await stripe.checkout.sessions.create(orderParams(amount: 800, reference: order.value))
        _ = try await stripe.checkout.sessions.expire(gone.id)
        _ = try await stripe.checkout.sessions.create(orderParams(reference: "order-other"))
        let second = try await stripe.checkout.sessions.create(orderParams(amount: 700, reference: order.value))
        harness.transport.clear()
        let before = Int(Date().timeIntervalSince1970)
        let open = try await harness.workflows.openSessions(of: order)
        let after = Int(Date().timeIntervalSince1970)
        let queries = harness.transport.listQueries
        let everything = try await harness.workflows.currentSessions(of: order)
        await harness.emulator.stop()

        #expect(open.map(\.id) == [second.id, first.id])
        #expect(open.map(\.id) == everything.filter { $0.status == .open }.map(\.id))
        #expect(everything.count == 4)
        let query = try #require(queries.first)
        #expect(queries.count == 1)
        #expect(query["status"] == "open")
        let window = Int(CheckoutWorkflows.sessionLifetime + CheckoutWorkflows.clockSkewAllowance)
        let since = try #require(query["created[gte]"].flatMap { Int($0) })
        #expect((before - window - 1...after - window).contains(since))
    }

    @Test("checkout's first look lists every session; its look after creating lists only the created window")
    func checkoutLooks() async throws {
        let clock = ShiftedClock(offset: 0)
        let harness = try await RecordedHarness(clock: clock)
        let order = try OrderReference("order-looks")
        let decision = try await harness.workflows.checkout(order, orderParams())
        let queries = harness.transport.listQueries
        await harness.emulator.stop()

        guard case .pay = decision else {
            Issue.record("expected a session to pay, got \(decision)")
            return
        }
        #expect(queries.count == 2, "\(queries)")
        #expect(queries.first?["created[gte]"] == nil && queries.first?["status"] == nil)
        #expect(queries.last?["created[gte]"] != nil && queries.last?["status"] == nil)
    }

    @Test("a session paid longer ago than the session lifetime is outside the open window but still settles the order")
    func oldPaymentStillFound() async throws {
        let day = CheckoutWorkflows.sessionLifetime
        let clock = ShiftedClock(offset: -2 * day)
        let harness = try await RecordedHarness(clock: clock)
        let order = try OrderReference("order-old")
        let first = try await harness.workflows.checkout(order, orderParams())
        _ = try await harness.emulator.complete(sessionID: first.session.id)
        clock.set(offset: 0)
        let open = try await harness.workflows.openSessions(of: order)
        let again = try await harness.workflows.checkout(order, orderParams(amount: 2_000))
        let sessions = await harness.emulator.sessions()
        await harness.emulator.stop()

        #expect(open.isEmpty)
        guard case .alreadyPaid(let session) = again else {
            Issue.record("expected the order to be paid, got \(again)")
            return
        }
        #expect(session.id == first.session.id)
        #expect(sessions.count == 1, "no second session was made for a paid order")
    }
}
#endif
