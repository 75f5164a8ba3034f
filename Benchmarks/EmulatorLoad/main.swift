import CheckoutEmulator
import Foundation
import StripeCheckout
import StripeRuntime

/// Load on the Checkout emulator over loopback: `concurrency` tasks issue creates and lists
/// through the generated client for `seconds`, then the figures are printed as `name: value unit`.
///
/// Usage: EmulatorLoad [--seconds 10] [--concurrency 16] [--spec Specs/checkout.yaml]
struct LoadOptions {
    var seconds = 10.0
    var concurrency = 16
    var spec = "Specs/checkout.yaml"

    init(arguments: [String]) throws {
        var iterator = arguments.dropFirst().makeIterator()
        while let flag = iterator.next() {
            guard let value = iterator.next() else { throw LoadError("\(flag) needs a value") }
            switch flag {
            case "--seconds": seconds = try Self.number(value, flag)
            case "--concurrency": concurrency = Int(try Self.number(value, flag))
            case "--spec": spec = value
            default: throw LoadError("unknown option \(flag)")
            }
        }
        guard seconds > 0, concurrency > 0 else { throw LoadError("--seconds and --concurrency must be positive") }
    }

    private static func number(_ text: String, _ flag: String) throws -> Double {
        guard let value = Double(text) else { throw LoadError("\(flag) takes a number, not \(text)") }
        return value
    }
}

struct LoadError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// What one worker saw.
struct WorkerResult: Sendable {
    var createLatencies: [Double] = []
    var listLatencies: [Double] = []
    var successfulCreates = 0
    var errors: [String] = []
}

func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    let index = min(sorted.count - 1, max(0, Int((Double(sorted.count) * fraction).rounded(.up)) - 1))
    return sorted[index]
}

func runWorker(_ stripe: StripeClient, worker: Int, until deadline: ContinuousClock.Instant) async -> WorkerResult {
    let clock = ContinuousClock()
    var result = WorkerResult()
    var iteration = 0
    while clock.now < deadline {
        iteration += 1
        let start = clock.now
        do {
            if iteration % 2 == 1 {
                let params = CheckoutSessionsAPI.CreateParams(
                    clientReferenceID: "load_\(worker)_\(iteration)",
                    lineItems: [.init(priceData: .init(currency: "usd", productData: .init(name: "Load item"), unitAmount: 1000), quantity: 1)],
                    mode: .payment,
                    successURL: "https://shop.example/ok"
                )
                _ = try await stripe.checkout.sessions.create(params, options: .init(idempotencyKey: "load-\(worker)-\(iteration)"))
                result.successfulCreates += 1
                result.createLatencies.append((clock.now - start).milliseconds)
            } else {
                _ = try await stripe.checkout.sessions.listPage(.init(limit: 10))
                result.listLatencies.append((clock.now - start).milliseconds)
            }
        } catch {
            result.errors.append(String(describing: error))
        }
    }
    return result
}

extension Duration {
    var milliseconds: Double {
        let parts = components
        return Double(parts.seconds) * 1000 + Double(parts.attoseconds) / 1e15
    }
}

func main() async throws {
    let options = try LoadOptions(arguments: CommandLine.arguments)
    let emulator = try await CheckoutEmulator.start(EmulatorConfiguration(specPath: options.spec))
    let stripe = StripeClient(
        apiKey: "sk_test_load_benchmark_0000", apiVersion: StripeBindings.apiVersion,
        configuration: StripeConfiguration(baseURL: emulator.baseURL, maxNetworkRetries: 0, timeout: .seconds(30))
    )
    // One warm-up round trip so connection setup is not measured as load.
    _ = try await stripe.checkout.sessions.listPage(.init(limit: 1))

    let clock = ContinuousClock()
    let started = clock.now
    let deadline = started + .milliseconds(Int(options.seconds * 1000))
    let results = await withTaskGroup(of: WorkerResult.self) { group in
        for worker in 0..<options.concurrency {
            group.addTask { await runWorker(stripe, worker: worker, until: deadline) }
        }
        var all: [WorkerResult] = []
        for await result in group { all.append(result) }
        return all
    }
    let elapsed = (clock.now - started).milliseconds / 1000
    let sessionsCreated = await emulator.sessions().count
    await emulator.stop()

    let creates = results.flatMap(\.createLatencies).sorted()
    let lists = results.flatMap(\.listLatencies).sorted()
    let all = (creates + lists).sorted()
    let errors = results.flatMap(\.errors)
    let successfulCreates = results.reduce(0) { $0 + $1.successfulCreates }
    func line(_ name: String, _ value: Double, _ unit: String, decimals: Int = 2) {
        print("\(name): \(String(format: "%.\(decimals)f", value)) \(unit)")
    }
    print("emulator_load_duration: \(String(format: "%.1f", elapsed)) s")
    print("emulator_load_concurrency: \(options.concurrency) tasks")
    line("emulator_requests_per_second", Double(all.count) / elapsed, "req/s", decimals: 0)
    line("emulator_latency_p50", percentile(all, 0.50), "ms")
    line("emulator_latency_p99", percentile(all, 0.99), "ms")
    line("emulator_create_p50", percentile(creates, 0.50), "ms")
    line("emulator_create_p99", percentile(creates, 0.99), "ms")
    line("emulator_list_p50", percentile(lists, 0.50), "ms")
    line("emulator_list_p99", percentile(lists, 0.99), "ms")
    print("emulator_errors: \(errors.count) count")
    print("emulator_successful_creates: \(successfulCreates) count")
    print("emulator_sessions_created: \(sessionsCreated) count")
    print("emulator_created_equals_successful: \(sessionsCreated == successfulCreates ? 1 : 0) bool")
    for error in Set(errors).prefix(5) {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    }
    if !errors.isEmpty || sessionsCreated != successfulCreates { exit(1) }
}

do {
    try await main()
} catch {
    FileHandle.standardError.write(Data("EmulatorLoad: \(error)\n".utf8))
    exit(2)
}
