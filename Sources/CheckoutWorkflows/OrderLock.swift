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

/// An ``OrderLock`` within one process: callers for the same order wait their turn, in arrival order.
public final class InProcessOrderLock: OrderLock {
    private let state = LockState()

    /// A lock with no order held.
    public init() {}

    public func withLock<T: Sendable>(
        _ order: OrderReference, _ body: @Sendable () async throws -> T
    ) async throws -> T {
        await state.acquire(order.value)
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
    private var waiters: [String: [CheckedContinuation<Void, Never>]] = [:]

    func acquire(_ key: String) async {
        if held.insert(key).inserted { return }
        await withCheckedContinuation { continuation in
            waiters[key, default: []].append(continuation)
        }
    }

    func release(_ key: String) {
        if var queue = waiters[key], !queue.isEmpty {
            let next = queue.removeFirst()
            waiters[key] = queue.isEmpty ? nil : queue
            next.resume()
        } else {
            held.remove(key)
        }
    }
}
