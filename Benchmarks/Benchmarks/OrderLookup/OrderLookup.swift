// Finding one order's sessions among N sessions of the account, against the emulator over loopback: by listing
// every session and matching `client_reference_id` (what Stripe's API allows), and through a session index.
// The order's session is the oldest, so the scan walks the whole list. N is `ORDER_LOOKUP_SESSIONS` (default
// 1000), the rounds `ORDER_LOOKUP_RUNS` (default 5); each look-up also reports the requests it sent.

import Benchmark
import BenchmarkInputs
import CheckoutEmulator
import CheckoutWorkflows
import Foundation
import StripeCheckout
import StripeRuntime

/// An emulator seeded with N sessions, the target order's first, and the two ways of looking it up.
struct SeededAccount: Sendable {
    let emulator: CheckoutEmulator
    let scanning: CheckoutWorkflows
    let indexed: CheckoutWorkflows
    let order: OrderReference
    let target: String

    static func params(_ reference: String? = nil) -> CheckoutSessionsAPI.CreateParams {
        .init(clientReferenceID: reference,
              lineItems: [.init(priceData: .init(currency: "usd", productData: .init(name: "Tea"), unitAmount: 900), quantity: 1)],
              mode: .payment, successURL: "https://shop.example/ok")
    }

    static func seed(sessions sessionCount: Int) async throws -> SeededAccount {
        let emulator = try await CheckoutEmulator.start(EmulatorConfiguration(specPath: BenchmarkSpecs.checkout))
        let stripe = StripeClient(apiKey: "sk_test_lookup", configuration: StripeConfiguration(baseURL: emulator.baseURL))
        let indexed = CheckoutWorkflows(stripe: stripe, index: InMemoryCheckoutSessionIndex())
        let order = try OrderReference("order-lookup-target")
        // The target order's session first (so it is the oldest), recorded in the index as `checkout` records it.
        let target = try await indexed.checkout(order, params()).session.id
        try await withThrowingTaskGroup(of: Void.self) { group in
            let workers = 8
            for worker in 0..<workers {
                group.addTask {
                    for number in stride(from: worker, to: sessionCount - 1, by: workers) {
                        _ = try await stripe.checkout.sessions.create(params("order-\(number)"))
                    }
                }
            }
            try await group.waitForAll()
        }
        let seeded = await emulator.sessions().count
        guard seeded == sessionCount else {
            throw SeedingError(expected: sessionCount, seeded: seeded)
        }
        return SeededAccount(emulator: emulator, scanning: CheckoutWorkflows(stripe: stripe), indexed: indexed,
                             order: order, target: target)
    }

    /// Requests that a look-up sends: list pages, and retrieves of the target session.
    func requestsSoFar() async -> Int {
        await emulator.requestCount(method: "GET", path: "/v1/checkout/sessions")
            + emulator.requestCount(method: "GET", path: "/v1/checkout/sessions/\(target)")
    }
}

/// The emulator held another number of sessions than were created.
struct SeedingError: Error, CustomStringConvertible {
    let expected: Int
    let seeded: Int
    var description: String { "seeded \(seeded) sessions, expected \(expected)" }
}

let requests = BenchmarkMetric.custom("requests", useScalingFactor: false)

/// One look-up per round, timed, with the requests it sent as a metric; a wrong answer fails the benchmark.
func registerLookup(_ name: String, sessions: Int, using workflows: @escaping @Sendable (SeededAccount) -> CheckoutWorkflows) {
    Benchmark(name, closure: { (benchmark, account: SeededAccount) async in
        let before = await account.requestsSoFar()
        do {
            benchmark.startMeasurement()
            let found = try await workflows(account).currentSessions(of: account.order)
            benchmark.stopMeasurement()
            guard found.map(\.id) == [account.target] else {
                return benchmark.error("found \(found.map(\.id)), expected [\(account.target)]")
            }
        } catch {
            return benchmark.error("look-up failed: \(error)")
        }
        benchmark.measurement(requests, await account.requestsSoFar() - before)
    }, setup: { try await SeededAccount.seed(sessions: sessions) })
}

let benchmarks: @Sendable () -> Void = {
    let environment = ProcessInfo.processInfo.environment
    let sessions = environment["ORDER_LOOKUP_SESSIONS"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } ?? 1_000
    let runs = environment["ORDER_LOOKUP_RUNS"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } ?? 5
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, requests],
        timeUnits: .microseconds,
        units: [requests: .count],
        warmupIterations: 0,
        maxDuration: .seconds(600),
        maxIterations: runs
    )
    registerLookup("lookup_scan", sessions: sessions) { $0.scanning }
    registerLookup("lookup_index", sessions: sessions) { $0.indexed }
}
