/// Runs work for one order at a time within this process, so two local calls cannot interleave their
/// create and sweep steps.
final class OrderLocks: Sendable {
    private let state = LockState()

    func withLock<T: Sendable>(_ key: String, _ body: @Sendable () async throws -> T) async throws -> T {
        await state.acquire(key)
        do {
            let result = try await body()
            await state.release(key)
            return result
        } catch {
            await state.release(key)
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
