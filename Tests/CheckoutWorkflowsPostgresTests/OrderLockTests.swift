#if PostgreSQL
import CheckoutWorkflows
import CheckoutWorkflowsPostgres
import Foundation
import PostgresNIO
import ProbeProcessSupport
import Testing

@Suite("PostgreSQL order lock", .enabled(if: TestDatabase.available, TestDatabase.skipReason))
struct OrderLockTests {
    @Test("two OS processes taking the same order's lock 50 times each never overlap their critical sections")
    func twoProcesses() async throws {
        try await TestDatabase.withTables { client, tables in
            let schema = tables.schema!
            try await client.query("""
                CREATE TABLE \(unescaped: schema).lock_log (
                    worker text, round int, started_at timestamptz, ended_at timestamptz, PRIMARY KEY (worker, round))
                """).drainRows()
            let database = try probeDatabaseArguments(schema)
            let order = "order-\(UUID().uuidString)"
            let start = startTogether(after: 3.0)
            let probes = try ["a", "b"].map { worker in
                try ProbeProcess(["lock-rounds"] + database + ["--order", order, "--worker", worker, "--rounds", "50", "--start-at", start])
            }
            for probe in probes {
                let result = await probe.finish()
                #expect(result.status == 0, "\(result.stderr)")
                #expect(result.lines == ["done 50"])
            }
            var intervals: [(worker: String, start: Date, end: Date)] = []
            for try await (worker, started, ended) in try await client.query(
                "SELECT worker, started_at, ended_at FROM \(unescaped: schema).lock_log ORDER BY started_at").decode((String, Date, Date?).self) {
                intervals.append((worker, started, try #require(ended, "a critical section of \(worker) never ended")))
            }
            #expect(intervals.count == 100)
            #expect(Set(intervals.map(\.worker)) == ["a", "b"])
            for (previous, next) in zip(intervals, intervals.dropFirst()) {
                #expect(previous.end <= next.start, "\(previous.worker) ended at \(previous.end) after \(next.worker) started at \(next.start)")
            }
            // Both processes took turns rather than one running all its rounds first.
            let switches = zip(intervals, intervals.dropFirst()).filter { $0.worker != $1.worker }.count
            #expect(switches > 1)
        }
    }

    @Test("the lock is released after the locked work throws")
    func releasedAfterError() async throws {
        try await TestDatabase.withClient { client in
            let lock = PostgresOrderLock(client: client)
            let order = try OrderReference("order-\(UUID().uuidString)")
            await #expect(throws: WorkFailed.self) {
                try await lock.withLock(order) { throw WorkFailed() }
            }
            #expect(try await isFree(lock.key(for: order), client))
        }
    }

    @Test("the lock is released when the locked work is cancelled, and a cancelled wait takes nothing")
    func releasedAfterCancellation() async throws {
        try await TestDatabase.withClient { client in
            let lock = PostgresOrderLock(client: client)
            let order = try OrderReference("order-\(UUID().uuidString)")
            let entered = AsyncStream<Void>.makeStream()
            let holder = Task {
                try await lock.withLock(order) {
                    entered.continuation.yield()
                    try await Task.sleep(for: .seconds(60))
                }
            }
            for await _ in entered.stream { break }
            #expect(try await isFree(lock.key(for: order), client) == false)

            // A second caller waits on the server; cancelling it must not leave it holding or queued.
            let waiter = Task { try await lock.withLock(order) { "took it" } }
            let waiting = try await waitForBackend(lock.key(for: order), granted: false, client)
            waiter.cancel()
            await #expect(throws: CancellationError.self) { try await waiter.value }
            #expect(try await isGone(waiting, client), "the cancelled waiter's server process is gone when the call returns")

            holder.cancel()
            await #expect(throws: CancellationError.self) { try await holder.value }
            #expect(try await isFree(lock.key(for: order), client))
            #expect(try await lock.withLock(order) { "next" } == "next")
        }
    }

    @Test("under load, a cancelled wait has left the server when it returns and the lock is free once its holder returns, 48 rounds")
    func cancelledWaitsUnderLoad() async throws {
        let load = CPULoad(threads: 3)
        defer { load.stop() }
        try await TestDatabase.withClient(maximumConnections: 24) { client in
            let lock = PostgresOrderLock(client: client)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        for _ in 0..<12 { try await cancelledWaitRound(lock, client) }
                    }
                }
                try await group.waitForAll()
            }
        }
    }

    /// A holder, a waiter cancelled while queued on the server, then the holder cancelled: nothing is left behind.
    private func cancelledWaitRound(_ lock: PostgresOrderLock, _ client: PostgresClient) async throws {
        let order = try OrderReference("order-\(UUID().uuidString)")
        let key = lock.key(for: order)
        let entered = AsyncStream<Void>.makeStream()
        let holder = Task {
            try await lock.withLock(order) {
                entered.continuation.yield()
                try await Task.sleep(for: .seconds(60))
            }
        }
        for await _ in entered.stream { break }
        let ran = LockedBox(false)
        let waiter = Task { try await lock.withLock(order) { ran.value = true } }
        let waiting = try await waitForBackend(key, granted: false, client)
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        #expect(try await isGone(waiting, client), "the cancelled waiter's server process \(waiting) is gone when the call returns")
        holder.cancel()
        await #expect(throws: CancellationError.self) { try await holder.value }
        #expect(try await isFree(key, client), "the lock is free once both calls returned")
        #expect(ran.value == false)
    }

    @Test("the connection dying mid-call ends the call with lockLost, cancels the work, and leaves the lock free")
    func connectionDies() async throws {
        try await TestDatabase.withClient { client in
            let lock = PostgresOrderLock(client: client)
            let order = try OrderReference("order-\(UUID().uuidString)")
            let key = lock.key(for: order)
            let workCancelled = LockedBox(false)
            let entered = AsyncStream<Void>.makeStream()
            let call = Task {
                try await lock.withLock(order) {
                    entered.continuation.yield()
                    do { try await Task.sleep(for: .seconds(60)) } catch { workCancelled.value = true; throw error }
                }
            }
            for await _ in entered.stream { break }
            let holder = try await waitForBackend(key, granted: true, client)
            #expect(try await client.query("SELECT pg_terminate_backend(\(holder)::int4)").single(Bool.self))

            let error = await #expect(throws: PostgresCheckoutError.self) { try await call.value }
            #expect(error?.kind == .lockLost)
            #expect(error?.input == order.value)
            #expect(workCancelled.value, "the work was cancelled once the lock was gone")
            #expect(try await isFree(key, client))
            // The pool's other connections (and new ones) still serve the lock.
            for round in 1...3 { #expect(try await lock.withLock(order) { round } == round) }
        }
    }

    @Test("a waiter whose connection dies gets a clear error and takes nothing; the holder is unaffected")
    func waiterConnectionDies() async throws {
        try await TestDatabase.withClient { client in
            let lock = PostgresOrderLock(client: client)
            let order = try OrderReference("order-\(UUID().uuidString)")
            let key = lock.key(for: order)
            let entered = AsyncStream<Void>.makeStream()
            let release = AsyncStream<Void>.makeStream()
            let holder = Task {
                try await lock.withLock(order) {
                    entered.continuation.yield()
                    for await _ in release.stream { break }
                    return "held"
                }
            }
            for await _ in entered.stream { break }
            let waiter = Task { try await lock.withLock(order) { Issue.record("the waiter ran without the lock") } }
            let waiting = try await waitForBackend(key, granted: false, client)
            #expect(try await client.query("SELECT pg_terminate_backend(\(waiting)::int4)").single(Bool.self))
            let error = await #expect(throws: PostgresCheckoutError.self) { try await waiter.value }
            #expect(error?.kind == .database)
            #expect(error?.input == order.value)
            #expect(error?.operation.contains("taking the order lock") == true)

            release.continuation.yield()
            #expect(try await holder.value == "held")
            #expect(try await isFree(key, client))
        }
    }

    /// The server process that holds (`granted`) or waits for the advisory lock `key`, once there is one.
    private func waitForBackend(_ key: AdvisoryLockKey, granted: Bool, _ client: PostgresClient) async throws -> Int {
        let deadline = ContinuousClock.now + .seconds(20)
        while true {
            var pid: Int?
            for try await value in try await client.query("""
                SELECT pid::int8 FROM pg_locks
                WHERE locktype = 'advisory' AND granted = \(granted) AND ((classid::int8 << 32) | objid::int8) = \(key.value)
                """).decode(Int.self) {
                pid = value
            }
            if let pid { return pid }
            try #require(ContinuousClock.now < deadline, "no session \(granted ? "holds" : "waits for") lock \(key)")
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Whether the server process `pid` has exited.
    private func isGone(_ pid: Int, _ client: PostgresClient) async throws -> Bool {
        try await client.query("SELECT count(*)::int8 FROM pg_stat_activity WHERE pid = \(pid)::int4").single(Int.self) == 0
    }

    /// Whether another session could take the advisory lock right now (it takes and drops it to find out).
    private func isFree(_ key: AdvisoryLockKey, _ client: PostgresClient) async throws -> Bool {
        try await client.withConnection { connection in
            let free = try await connection.query("SELECT pg_try_advisory_lock(\(key.value))", logger: testLogger).single(Bool.self)
            if free { try await connection.query("SELECT pg_advisory_unlock(\(key.value))", logger: testLogger).drainRows() }
            return free
        }
    }
}

/// Threads that keep the cores busy until stopped, so a test sees the scheduling delays of a loaded machine.
final class CPULoad: @unchecked Sendable {
    private let running = LockedBox(true)

    init(threads: Int) {
        for _ in 0..<threads {
            let thread = Thread { [running] in
                var spins: UInt64 = 0
                while running.value { spins &+= 1 }
            }
            thread.start()
        }
    }

    func stop() { running.value = false }
}

/// The error the locked work throws in tests.
struct WorkFailed: Error {}

@Suite("PostgreSQL order lock keys")
struct OrderLockKeyTests {
    @Test("keys are stable: SHA-256 of namespace and order, so every server and version agree")
    func keys() throws {
        let order = try OrderReference("order_42")
        #expect(AdvisoryLockKey(namespace: "checkout-workflows:order", name: "order_42").value == 8_116_632_817_346_955_456)
        // Only the key derivation is used here: the client is never run.
        let client = PostgresClient(configuration: try .init(databaseURL: "postgres://nobody@127.0.0.1:1/none"))
        #expect(PostgresOrderLock(client: client).key(for: order).value == 8_116_632_817_346_955_456)
        #expect(PostgresOrderLock(client: client, namespace: "other").key(for: order) != PostgresOrderLock(client: client).key(for: order))
        #expect(AdvisoryLockKey(namespace: "a", name: "bc") != AdvisoryLockKey(namespace: "ab", name: "c"))
    }
}
#endif
