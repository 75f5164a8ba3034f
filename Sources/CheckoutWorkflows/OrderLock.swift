import Foundation

/// Serialises checkout work for one order among every caller that shares the lock, so two calls for the same
/// order never interleave their look-up, create and sweep steps.
///
/// ``InProcessOrderLock`` serves one process. Shops with several servers use a lock every server shares
/// (for example a PostgreSQL advisory lock keyed by the order).
public protocol OrderLock: Sendable {
    /// Runs `body` while holding the lock for `order`; the lock is released on every path out of `body`,
    /// including a thrown error and cancellation.
    func withLock<T: Sendable>(
        _ order: OrderReference, _ body: @Sendable () async throws -> T
    ) async throws -> T
}

/// An ``OrderLock`` within one process: callers for the same order wait their turn, in arrival order. A caller
/// cancelled while it waits leaves the queue at once and throws `CancellationError`, having taken nothing.
public final class InProcessOrderLock: OrderLock {
    private let state = LockState()

    /// A lock with no order held.
    public init() {}

    public func withLock<T: Sendable>(
        _ order: OrderReference, _ body: @Sendable () async throws -> T
    ) async throws -> T {
        let waiter = UUID()
        try await withTaskCancellationHandler {
            try await state.acquire(order.value, waiter: waiter)
        } onCancel: { [state] in
            Task { await state.cancel(order.value, waiter: waiter) }
        }
        do {
            let result = try await body()
            await state.release(order.value)
            return result
        } catch {
            await state.release(order.value)
            throw error
        }
    }
}

/// The keys currently held and the callers waiting for each.
private actor LockState {
    private var held: Set<String> = []
    private var waiters: [String: [(id: UUID, continuation: CheckedContinuation<Void, any Error>)]] = [:]

    func acquire(_ key: String, waiter: UUID) async throws {
        if held.insert(key).inserted { return }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            // Cancelled before queueing: `cancel` may already have run and found nothing to remove.
            if Task.isCancelled {
                continuation.resume(throwing: CancellationError())
            } else {
                waiters[key, default: []].append((waiter, continuation))
            }
        }
    }

    /// Takes a cancelled caller out of the queue; one already granted the lock keeps it.
    func cancel(_ key: String, waiter: UUID) {
        guard var queue = waiters[key], let index = queue.firstIndex(where: { $0.id == waiter }) else { return }
        let removed = queue.remove(at: index)
        waiters[key] = queue.isEmpty ? nil : queue
        removed.continuation.resume(throwing: CancellationError())
    }

    func release(_ key: String) {
        if var queue = waiters[key], !queue.isEmpty {
            let next = queue.removeFirst()
            waiters[key] = queue.isEmpty ? nil : queue
            next.continuation.resume()
        } else {
            held.remove(key)
        }
    }
}
