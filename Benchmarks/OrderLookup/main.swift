import CheckoutEmulator
import CheckoutWorkflows
import Foundation
import StripeCheckout
import StripeRuntime

// Finding one order's sessions among N sessions of the account, against the emulator over loopback: by listing
// every session and matching `client_reference_id` (what Stripe's API allows), and through a session index.
// The order's session is the oldest, so the scan walks the whole list. Prints `name: value unit` lines, medians.
//
//   OrderLookup --spec Specs/checkout.yaml --sessions 1000 [--runs 5]

let arguments = CommandLine.arguments
func option(_ name: String, default value: String) -> String {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return value }
    return arguments[index + 1]
}
let specPath = option("--spec", default: "Specs/checkout.yaml")
guard let sessionCount = Int(option("--sessions", default: "1000")), sessionCount > 0,
      let runs = Int(option("--runs", default: "5")), runs > 0 else {
    FileHandle.standardError.write(Data("usage: OrderLookup --spec FILE --sessions N [--runs R]\n".utf8))
    exit(64)
}

func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

func params(_ reference: String? = nil) -> CheckoutSessionsAPI.CreateParams {
    .init(clientReferenceID: reference,
          lineItems: [.init(priceData: .init(currency: "usd", productData: .init(name: "Tea"), unitAmount: 900), quantity: 1)],
          mode: .payment, successURL: "https://shop.example/ok")
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

let emulator = try await CheckoutEmulator.start(EmulatorConfiguration(specPath: specPath))
let stripe = StripeClient(apiKey: "sk_test_lookup", configuration: StripeConfiguration(baseURL: emulator.baseURL))
let index = InMemoryCheckoutSessionIndex()
let indexed = CheckoutWorkflows(stripe: stripe, index: index)
let scanning = CheckoutWorkflows(stripe: stripe)
let order = try OrderReference("order-lookup-target")

// The target order's session first (so it is the oldest), recorded in the index as `checkout` records it.
let target = try await indexed.checkout(order, params()).session.id
let seedStart = ContinuousClock.now
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
FileHandle.standardError.write(Data("seeded \(seeded) sessions in \(ContinuousClock.now - seedStart)\n".utf8))

/// One look-up: its wall time, and the requests it sent (list pages and retrieves of the target session).
func measure(_ workflows: CheckoutWorkflows) async throws -> (milliseconds: Double, requests: Int, found: [String]) {
    func requestsSoFar() async -> Int {
        await emulator.requestCount(method: "GET", path: "/v1/checkout/sessions")
            + emulator.requestCount(method: "GET", path: "/v1/checkout/sessions/\(target)")
    }
    let before = await requestsSoFar()
    var found: [CheckoutSession] = []
    let elapsed = try await ContinuousClock().measure { found = try await workflows.currentSessions(of: order) }
    let parts = elapsed.components
    return (Double(parts.seconds) * 1000 + Double(parts.attoseconds) / 1e15, await requestsSoFar() - before, found.map(\.id))
}

var scanTimes: [Double] = [], indexTimes: [Double] = []
var scanRequests: [Int] = [], indexRequests: [Int] = []
for run in 0..<runs {
    let scan = try await measure(scanning)
    let viaIndex = try await measure(indexed)
    guard scan.found == [target], viaIndex.found == [target] else {
        FileHandle.standardError.write(Data("run \(run): found \(scan.found) by scan, \(viaIndex.found) by index\n".utf8))
        exit(1)
    }
    scanTimes.append(scan.milliseconds)
    indexTimes.append(viaIndex.milliseconds)
    scanRequests.append(scan.requests)
    indexRequests.append(viaIndex.requests)
}
await emulator.stop()

say("sessions: \(seeded) sessions")
say("lookup_scan_requests: \(scanRequests.sorted()[runs / 2]) requests")
say("lookup_scan_latency: \(String(format: "%.1f", median(scanTimes))) ms")
say("lookup_index_requests: \(indexRequests.sorted()[runs / 2]) requests")
say("lookup_index_latency: \(String(format: "%.2f", median(indexTimes))) ms")
say("lookup_scan/index_latency: \(String(format: "%.0f", median(scanTimes) / median(indexTimes)))")
