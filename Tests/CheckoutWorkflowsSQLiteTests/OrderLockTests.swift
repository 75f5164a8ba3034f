#if SQLite
import CheckoutWorkflows
import CheckoutWorkflowsSQLite
import Foundation
import ProbeProcessSupport
import SQLiteNIO
import Testing

@Suite("SQLite order lock")
struct OrderLockTests {
    @Test("two OS processes taking the same order's lock 50 times each on one file never overlap their critical sections")
    func twoProcesses() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.path()
            try await SQLiteCheckoutDatabase.with(path) { _ in }
            let order = "order-\(UUID().uuidString)"
            let marker = folder.path("inside")
            let start = startTogether(after: 2.0)
            let probes = try ["a", "b"].map { worker in
                try ProbeProcess(["lock-rounds", "--database", path, "--order", order, "--worker", worker, "--rounds", "50",
                                  "--marker", marker, "--start-at", start])
            }
            var intervals: [(worker: String, start: Double, end: Double)] = []
            for probe in probes {
                let result = await probe.finish()
                #expect(result.status == 0, "\(result.stderr)")
                #expect(result.lines.last == "done 50")
                #expect(!result.lines.contains { $0.hasPrefix("overlap") }, "\(result.lines.filter { $0.hasPrefix("overlap") })")
                for line in result.lines where line.hasPrefix("section ") {
                    let parts = line.split(separator: " ")
                    intervals.append((String(parts[1]), try #require(Double(parts[3])), try #require(Double(parts[4]))))
                }
            }
            intervals.sort { $0.start < $1.start }
            #expect(intervals.count == 100)
            for (previous, next) in zip(intervals, intervals.dropFirst()) {
                #expect(previous.end <= next.start, "\(previous.worker) ended at \(previous.end) after \(next.worker) started at \(next.start)")
            }
            // Both processes took turns (the queue is first come, first served) rather than one running all its rounds first.
            let switches = zip(intervals, intervals.dropFirst()).filter { $0.worker != $1.worker }.count
            #expect(switches > 10, "\(switches) switches between the workers")
            try await RawConnection.with(path) { raw in
                let tickets = try await raw.value("SELECT count(*) FROM checkout_order_locks").integer
                #expect(tickets == 0, "every ticket was removed")
            }
        }
    }

    @Test("a holder killed with SIGKILL keeps the order locked until its lease ends, then the next caller takes it")
    func crashedHolder() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.path()
            try await SQLiteCheckoutDatabase.with(path) { _ in }
            let order = "order-\(UUID().uuidString)"
            let probe = try ProbeProcess(["hold-lock", "--database", path, "--order", order, "--lease-ms", "1500"])
            let deadline = ContinuousClock.now + .seconds(30)
            while try await RawConnection.with(path, { raw in
                try await raw.value("SELECT count(*) FROM checkout_order_locks WHERE acquired_at IS NOT NULL").integer
            }) != 1 {
                try #require(ContinuousClock.now < deadline, "the probe never took the lock")
                try await Task.sleep(for: .milliseconds(20))
            }
            probe.kill()
            let killed = await probe.finish()
            #expect(killed.reason == .uncaughtSignal)
            let killedAt = ContinuousClock.now

            try await SQLiteCheckoutDatabase.with(path) { database in
                let lock = SQLiteOrderLock(database: database)
                let taken = try await lock.withLock(try OrderReference(order)) { ContinuousClock.now }
                // The dead holder renewed its lease every 500 ms, so at least 1 s of it was left at the kill.
                #expect(taken - killedAt >= .milliseconds(900), "taken \(taken - killedAt) after the kill")
                #expect(taken - killedAt < .seconds(10))
            }
        }
    }

    @Test("when the lease is lost while the work runs, the work is cancelled and the call throws lockLost")
    func leaseLost() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.path()
            try await SQLiteCheckoutDatabase.with(path) { database in
                let lock = SQLiteOrderLock(database: database, lease: .milliseconds(600))
                let order = try OrderReference("order-\(UUID().uuidString)")
                let workCancelled = Counter()
                let entered = AsyncStream<Void>.makeStream()
                let call = Task {
                    try await lock.withLock(order) {
                        entered.continuation.yield()
                        do { try await Task.sleep(for: .seconds(60)) } catch { workCancelled.add(); throw error }
                    }
                }
                for await _ in entered.stream { break }
                // Another program takes the row away, as a stall past the lease followed by another caller would.
                try await RawConnection.with(path) { raw in _ = try await raw.rows("DELETE FROM checkout_order_locks") }
                let error = await #expect(throws: SQLiteCheckoutError.self) { try await call.value }
                #expect(error?.kind == .lockLost)
                #expect(error?.input == order.value)
                #expect(error?.operation.contains(path) == true)
                #expect(workCancelled.value == 1, "the work was cancelled once the lock was gone")
                #expect(try await lock.withLock(order) { "next" } == "next")
            }
        }
    }

    @Test("callers waiting for one order are served in the order they asked")
    func firstComeFirstServed() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.path()
            try await SQLiteCheckoutDatabase.with(path) { database in
                let lock = SQLiteOrderLock(database: database)
                let order = try OrderReference("order-\(UUID().uuidString)")
                let release = AsyncStream<Void>.makeStream()
                let entered = AsyncStream<Void>.makeStream()
                let holder = Task {
                    try await lock.withLock(order) {
                        entered.continuation.yield()
                        for await _ in release.stream { break }
                    }
                }
                for await _ in entered.stream { break }
                let served = Served()
                var waiters: [Task<Void, any Error>] = []
                for caller in 1...5 {
                    waiters.append(Task { try await lock.withLock(order) { await served.append(caller) } })
                    // Each waiter queues before the next asks.
                    let deadline = ContinuousClock.now + .seconds(20)
                    while try await RawConnection.with(path, { try await $0.value("SELECT count(*) FROM checkout_order_locks").integer }) != caller + 1 {
                        try #require(ContinuousClock.now < deadline, "caller \(caller) never queued")
                        try await Task.sleep(for: .milliseconds(5))
                    }
                }
                release.continuation.yield()
                try await holder.value
                for waiter in waiters { try await waiter.value }
                #expect(await served.callers == [1, 2, 3, 4, 5])
            }
        }
    }
}

/// The callers in the order they ran.
actor Served {
    private(set) var callers: [Int] = []
    func append(_ caller: Int) { callers.append(caller) }
}

/// A count shared between tasks.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
#endif
