import CheckoutWorkflows
import Foundation
import Testing

/// What every order lock promises: calls for one order never overlap, and the lock is released on every path.
let lockPromises: [Promise] = [
    Promise(name: "lock: calls for one order from two instances never overlap, and other orders do not wait for them") { backend in
        try await backend.withStorage { open in
            let locks = [try await open().lock, try await open().lock]
            let order = try OrderReference("order-\(UUID().uuidString)")
            let inside = Counter()
            let overlaps = Counter()
            let sections = Counter()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for caller in 0..<8 {
                    group.addTask {
                        for _ in 0..<5 {
                            try await locks[caller % 2].withLock(order) {
                                inside.add()
                                if inside.value != 1 { overlaps.add() }
                                try await Task.sleep(for: .milliseconds(2))
                                inside.subtract()
                                sections.add()
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(sections.value == 40)
            #expect(overlaps.value == 0, "\(backend.name): \(overlaps.value) sections overlapped another")

            // While one order is held, another order's lock is taken at once.
            let held = await Holder.start(locks[0], order)
            #expect(try await takes(locks[1], try OrderReference("order-\(UUID().uuidString)"), within: .seconds(10)))
            try await held.release()
        }
    },
    Promise(name: "lock: released after the work returns, after it throws, and after it is cancelled") { backend in
        try await backend.withStorage { open in
            let (mine, theirs) = (try await open().lock, try await open().lock)
            let order = try OrderReference("order-\(UUID().uuidString)")
            #expect(try await mine.withLock(order) { "done" } == "done")
            #expect(try await takes(theirs, order, within: .seconds(10)), "free after the work returned")

            struct WorkFailed: Error {}
            await #expect(throws: WorkFailed.self) { try await mine.withLock(order) { throw WorkFailed() } }
            #expect(try await takes(theirs, order, within: .seconds(10)), "free after the work threw")

            let held = await Holder.start(mine, order)
            held.task.cancel()
            await #expect(throws: CancellationError.self) { try await held.task.value }
            #expect(try await takes(theirs, order, within: .seconds(10)), "free after the work was cancelled")
        }
    },
    Promise(name: "lock: a cancelled wait returns without running its work and takes nothing; the holder keeps the lock") { backend in
        try await backend.withStorage { open in
            let (holderLock, waiterLock, laterLock) = (try await open().lock, try await open().lock, try await open().lock)
            let order = try OrderReference("order-\(UUID().uuidString)")
            let held = await Holder.start(holderLock, order)
            let ran = Counter()
            let waiter = Task { try await waiterLock.withLock(order) { ran.add() } }
            try await Task.sleep(for: .milliseconds(200))
            waiter.cancel()
            await #expect(throws: CancellationError.self) { try await waiter.value }
            #expect(ran.value == 0, "the cancelled waiter's work never ran")
            #expect(try await takes(laterLock, order, within: .milliseconds(300)) == false, "the holder still holds the lock")
            try await held.release()
            #expect(try await takes(laterLock, order, within: .seconds(10)), "free once the holder returned")
            #expect(ran.value == 0)
        }
    },
]

/// A task holding an order's lock until released or cancelled.
struct Holder: Sendable {
    let task: Task<Void, any Error>
    private let releaseSignal: AsyncStream<Void>.Continuation

    /// Starts a task that takes `order`'s lock; returns once it holds it.
    static func start(_ lock: any OrderLock, _ order: OrderReference) async -> Holder {
        let entered = AsyncStream<Void>.makeStream()
        let release = AsyncStream<Void>.makeStream()
        let task = Task {
            try await lock.withLock(order) {
                entered.continuation.yield()
                await withTaskCancellationHandler {
                    for await _ in release.stream { break }
                } onCancel: {
                    release.continuation.finish()
                }
                try Task.checkCancellation()
            }
        }
        for await _ in entered.stream { break }
        return Holder(task: task, releaseSignal: release.continuation)
    }

    /// Lets the work return, and waits for the call to end.
    func release() async throws {
        releaseSignal.yield()
        try await task.value
    }
}

/// Whether `lock` grants `order` within `timeout` (a call still waiting then is cancelled).
func takes(_ lock: any OrderLock, _ order: OrderReference, within timeout: Duration) async throws -> Bool {
    try await withThrowingTaskGroup(of: Bool.self) { group in
        group.addTask { try await lock.withLock(order) { true } }
        group.addTask {
            try await Task.sleep(for: timeout)
            return false
        }
        let first = try await group.next() ?? false
        group.cancelAll()
        // The loser ends too: a cancelled wait throws CancellationError, a cancelled sleep as well.
        while let _ = try? await group.next() {}
        return first
    }
}
