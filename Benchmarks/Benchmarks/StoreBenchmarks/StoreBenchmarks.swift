// The checkout stores, one operation pair at a time, for each backend: in memory (CheckoutWorkflows), SQLite
// (CheckoutWorkflowsSQLite, a fresh file in a temporary folder) and PostgreSQL (CheckoutWorkflowsPostgres, fresh
// tables in a schema of their own on $CHECKOUT_POSTGRES_URL; skipped, with a note, when it is unset).
//
//   claim_finish_<backend>          claimForHandling of a new event id, then finish(handled: true)
//   index_record_lookup_<backend>   record of a session already indexed (an upsert) among 1,000 sessions of 1,000
//                                   orders, then sessions(for:) of its order
//   lock_acquire_release_<backend>  withLock on one order with an empty body, uncontended
//
// Wall clock and mallocs per pair. The in-memory stores run 1,000 pairs per measured iteration (scaled back to
// one pair in the table). Environment: STORE_BENCH_ITERATIONS (most measured iterations per benchmark, default
// 1000), STORE_BENCH_SECONDS (most seconds per benchmark, default 10), STORE_BENCH_SQLITE_FOLDER (where the SQLite
// files go, default the temporary folder). Run through Benchmarks/store-bench.sh.

import Benchmark
import CheckoutWorkflows
import CheckoutWorkflowsPostgres
import CheckoutWorkflowsSQLite
import Foundation
import PostgresNIO
import StripeCheckout

/// One backend's three stores, and how to let go of what they hold.
struct Stores: Sendable {
    let events: any ProcessedEventStore
    let index: any CheckoutSessionIndex
    let lock: any OrderLock
    let close: @Sendable () async throws -> Void
}

enum Backend: String, CaseIterable, Sendable {
    case memory, sqlite, postgres

    /// The scaling factor of its benchmarks: enough pairs per iteration that the clock's overhead does not count.
    var scalingFactor: BenchmarkScalingFactor { self == .memory ? .kilo : .one }

    /// Fresh, empty stores of this backend.
    func open(postgresURL: String?) async throws -> Stores {
        switch self {
        case .memory:
            return Stores(events: InMemoryProcessedEventStore(), index: InMemoryCheckoutSessionIndex(),
                          lock: InProcessOrderLock(), close: {})
        case .sqlite:
            let parent = ProcessInfo.processInfo.environment["STORE_BENCH_SQLITE_FOLDER"]
                .map { URL(fileURLWithPath: $0, isDirectory: true) } ?? FileManager.default.temporaryDirectory
            let folder = parent.appendingPathComponent("store-bench-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let database = try await SQLiteCheckoutDatabase.open(path: folder.appendingPathComponent("checkout.sqlite").path)
            return Stores(events: SQLiteProcessedEventStore(database: database),
                          index: SQLiteCheckoutSessionIndex(database: database),
                          lock: SQLiteOrderLock(database: database),
                          close: {
                              try await database.close()
                              try FileManager.default.removeItem(at: folder)
                          })
        case .postgres:
            guard let postgresURL else { throw StoreBenchmarkError("CHECKOUT_POSTGRES_URL is unset") }
            let schema = "checkout_store_bench"
            let tables = try PostgresCheckoutTables(schema: schema, prefix: "b_")
            let client = PostgresClient(configuration: try PostgresClient.Configuration(databaseURL: postgresURL))
            let running = Task { await client.run() }
            do {
                try await client.query("DROP SCHEMA IF EXISTS \(unescaped: schema) CASCADE")
                try await tables.migrate(client)
            } catch {
                running.cancel()
                await running.value
                throw error
            }
            return Stores(events: PostgresProcessedEventStore(client: client, tables: tables),
                          index: PostgresCheckoutSessionIndex(client: client, tables: tables),
                          lock: PostgresOrderLock(client: client, namespace: "checkout-store-bench"),
                          close: {
                              do {
                                  try await client.query("DROP SCHEMA \(unescaped: schema) CASCADE")
                              } catch {
                                  running.cancel()
                                  await running.value
                                  throw error
                              }
                              running.cancel()
                              await running.value
                          })
        }
    }
}

struct StoreBenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The stores each benchmark runs on, opened by its setup and closed by its teardown, and a running count of the
/// pairs run (each claim needs an event id never claimed before; the index benchmarks go round their sessions).
final class OpenStores: @unchecked Sendable {
    static let shared = OpenStores()
    private let lock = NSLock()
    private var stores: [String: Stores] = [:]
    private var pairs = 0

    func set(_ value: Stores, for name: String) { lock.withLock { stores[name] = value } }
    func remove(_ name: String) -> Stores? { lock.withLock { stores.removeValue(forKey: name) } }

    /// A number no earlier call returned.
    func nextPair() -> Int {
        lock.withLock {
            defer { pairs += 1 }
            return pairs
        }
    }
}

/// The sessions the index benchmarks keep recording: one per order, `open` and `unpaid`, so a record changes
/// nothing but its update time and the index stays at this size.
let indexedSessions: [IndexedSession] = (0..<1_000).map { number in
    let created = 1_765_000_000 + Double(number)
    return IndexedSession(order: try! OrderReference("order-\(number)"), sessionID: "cs_test_store_bench_\(number)",
                          cartFingerprint: "cart-\(number)", status: .open, paymentStatus: .unpaid,
                          created: Date(timeIntervalSince1970: created),
                          expiresAt: Date(timeIntervalSince1970: created + 86_400))
}

/// `name_<backend>`: setup opens the backend's stores and runs `prepare` on them, each measured iteration runs
/// `pair` `scalingFactor` times, teardown closes them.
func register(_ name: String, _ backend: Backend, postgresURL: String?,
              prepare: @escaping @Sendable (Stores) async throws -> Void = { _ in },
              pair: @escaping @Sendable (Stores, _ number: Int) async throws -> Void) {
    let fullName = "\(name)_\(backend.rawValue)"
    var configuration = Benchmark.defaultConfiguration
    configuration.scalingFactor = backend.scalingFactor
    Benchmark(fullName, configuration: configuration, closure: { (benchmark, stores: Stores) async throws in
        for _ in benchmark.scaledIterations {
            try await pair(stores, OpenStores.shared.nextPair())
        }
    }, setup: {
        let stores = try await backend.open(postgresURL: postgresURL)
        try await prepare(stores)
        OpenStores.shared.set(stores, for: fullName)
        return stores
    }, teardown: {
        try await OpenStores.shared.remove(fullName)?.close()
    })
}

let benchmarks: @Sendable () -> Void = {
    let environment = ProcessInfo.processInfo.environment
    let iterations = environment["STORE_BENCH_ITERATIONS"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } ?? 1_000
    let seconds = environment["STORE_BENCH_SECONDS"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } ?? 10
    let postgresURL = environment["CHECKOUT_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal],
        timeUnits: .nanoseconds,
        warmupIterations: 5,
        maxDuration: .seconds(seconds),
        maxIterations: iterations
    )
    var backends = Backend.allCases
    if postgresURL == nil {
        FileHandle.standardError.write(Data(
            "StoreBenchmarks: CHECKOUT_POSTGRES_URL is unset, so the PostgreSQL benchmarks are skipped (Benchmarks/store-bench.sh starts a throwaway server)\n".utf8))
        backends.removeAll { $0 == .postgres }
    }
    let order = try! OrderReference("order-store-bench-lock")
    for backend in backends {
        register("claim_finish", backend, postgresURL: postgresURL) { stores, number in
            // Making the id is measured too: noise next to the databases, and part of what a caller pays.
            let event = "evt_store_bench_\(number)"
            let claim = try await stores.events.claimForHandling(event)
            guard claim == .claimed else { throw StoreBenchmarkError("new event \(event) came back \(claim)") }
            try await stores.events.finish(event, handled: true)
        }
        register("index_record_lookup", backend, postgresURL: postgresURL, prepare: { stores in
            for session in indexedSessions { try await stores.index.record(session) }
        }) { stores, number in
            let session = indexedSessions[number % indexedSessions.count]
            try await stores.index.record(session)
            let found = try await stores.index.sessions(for: session.order)
            guard found.count == 1 else { throw StoreBenchmarkError("\(session.order) has \(found.count) sessions, expected 1") }
        }
        register("lock_acquire_release", backend, postgresURL: postgresURL) { stores, _ in
            try await stores.lock.withLock(order) {}
        }
    }
}
