import CheckoutWorkflows
import CheckoutWorkflowsPostgres
import Foundation
import PostgresNIO

/// Figures for the PostgreSQL-backed checkout stores against a local database: webhook claims per second and
/// their latency under concurrency, and the order lock's acquire-and-release latency, uncontended and with two
/// callers on one order. Prints `name: value unit` lines, medians over `--runs` runs.
///
/// Usage: PostgresBenchmarks --url postgres://… [--runs 5] [--claims 2000] [--concurrency 16] [--locks 500]
struct Options {
    var url = ""
    var runs = 5
    var claims = 2_000
    var concurrency = 16
    var locks = 500

    init(arguments: [String]) throws {
        var iterator = arguments.dropFirst().makeIterator()
        while let flag = iterator.next() {
            guard let value = iterator.next() else { throw BenchmarkError("\(flag) needs a value") }
            switch flag {
            case "--url": url = value
            case "--runs": runs = try Self.count(value, flag)
            case "--claims": claims = try Self.count(value, flag)
            case "--concurrency": concurrency = try Self.count(value, flag)
            case "--locks": locks = try Self.count(value, flag)
            default: throw BenchmarkError("unknown option \(flag)")
            }
        }
        guard !url.isEmpty else { throw BenchmarkError("--url is required (eval \"$(.ci/postgres.sh start)\" prints one)") }
    }

    private static func count(_ text: String, _ flag: String) throws -> Int {
        guard let value = Int(text), value > 0 else { throw BenchmarkError("\(flag) takes a positive whole number, not \(text)") }
        return value
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The value at `fraction` of sorted latencies (nearest rank).
func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, max(0, Int((Double(sorted.count) * fraction).rounded(.up)) - 1))]
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

func milliseconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1_000 + Double(attoseconds) / 1e15
}

/// One run of `claims` new event claims, `concurrency` at a time; returns claims/s and each claim's latency in ms.
func claimRun(_ store: PostgresProcessedEventStore, run: Int, options: Options) async throws -> (Double, [Double]) {
    let clock = ContinuousClock()
    let start = clock.now
    let latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
        for worker in 0..<options.concurrency {
            group.addTask {
                var latencies: [Double] = []
                for index in stride(from: worker, to: options.claims, by: options.concurrency) {
                    let begun = clock.now
                    guard try await store.claim("evt_bench_\(run)_\(index)") else { throw BenchmarkError("a new event was not claimed") }
                    latencies.append(milliseconds(clock.now - begun))
                }
                return latencies
            }
        }
        return try await group.reduce(into: [Double]()) { $0 += $1 }
    }
    return (Double(options.claims) / (milliseconds(clock.now - start) / 1_000), latencies.sorted())
}

/// Acquire-and-release latencies of the order lock with an empty body, `locks` times, by `callers` tasks on one order.
func lockRun(_ lock: PostgresOrderLock, callers: Int, run: Int, options: Options) async throws -> [Double] {
    let clock = ContinuousClock()
    let order = try OrderReference("order-bench-\(run)-\(callers)")
    return try await withThrowingTaskGroup(of: [Double].self) { group in
        for _ in 0..<callers {
            group.addTask {
                var latencies: [Double] = []
                for _ in 0..<(options.locks / callers) {
                    let begun = clock.now
                    try await lock.withLock(order) {}
                    latencies.append(milliseconds(clock.now - begun))
                }
                return latencies
            }
        }
        return try await group.reduce(into: [Double]()) { $0 += $1 }.sorted()
    }
}

func runBenchmarks(_ options: Options) async throws {
    let tables = try PostgresCheckoutTables(schema: "checkout_bench", prefix: "b_")
    var configuration = try PostgresClient.Configuration(databaseURL: options.url)
    configuration.options.maximumConnections = max(20, options.concurrency)
    let client = PostgresClient(configuration: configuration)
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { await client.run() }
        try await client.query("DROP SCHEMA IF EXISTS checkout_bench CASCADE")
        try await tables.migrate(client)
        let store = PostgresProcessedEventStore(client: client, tables: tables)
        let lock = PostgresOrderLock(client: client, namespace: "checkout-bench")
        // Warm the pool and the plans.
        _ = try await claimRun(store, run: 0, options: Options(copying: options, claims: options.concurrency * 4))
        _ = try await lockRun(lock, callers: 1, run: 0, options: options)

        var throughput: [Double] = [], claimP50: [Double] = [], claimP99: [Double] = []
        var lockP50: [Double] = [], lockP99: [Double] = [], contendedP50: [Double] = [], contendedP99: [Double] = []
        for run in 1...options.runs {
            let (rate, latencies) = try await claimRun(store, run: run, options: options)
            throughput.append(rate)
            claimP50.append(percentile(latencies, 0.50))
            claimP99.append(percentile(latencies, 0.99))
            let single = try await lockRun(lock, callers: 1, run: run, options: options)
            lockP50.append(percentile(single, 0.50))
            lockP99.append(percentile(single, 0.99))
            let contended = try await lockRun(lock, callers: 2, run: run, options: options)
            contendedP50.append(percentile(contended, 0.50))
            contendedP99.append(percentile(contended, 0.99))
        }
        print("claim_throughput: \(String(format: "%.0f", median(throughput))) claims/s")
        print("claim_p50: \(String(format: "%.2f", median(claimP50))) ms")
        print("claim_p99: \(String(format: "%.2f", median(claimP99))) ms")
        print("lock_acquire_release_p50: \(String(format: "%.2f", median(lockP50))) ms")
        print("lock_acquire_release_p99: \(String(format: "%.2f", median(lockP99))) ms")
        print("lock_two_callers_p50: \(String(format: "%.2f", median(contendedP50))) ms")
        print("lock_two_callers_p99: \(String(format: "%.2f", median(contendedP99))) ms")
        try await client.query("DROP SCHEMA checkout_bench CASCADE")
        group.cancelAll()
    }
}

extension Options {
    init(copying other: Options, claims: Int) {
        self = other
        self.claims = claims
    }
}

do {
    try await runBenchmarks(try Options(arguments: CommandLine.arguments))
} catch {
    FileHandle.standardError.write(Data("PostgresBenchmarks: \(String(reflecting: error))\n".utf8))
    exit(1)
}
