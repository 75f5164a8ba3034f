import Dispatch

/// Runs independent pieces of one load on every core, keeping their order.
enum Concurrent {
    /// `transform` of each index, computed concurrently; the input stays borrowed until all of them return.
    static func map<Result: Sendable>(_ indices: Range<Int>, _ transform: (Int) -> Result) -> [Result] {
        [Result](unsafeUninitializedCapacity: indices.count) { buffer, initializedCount in
            guard let base = buffer.baseAddress else { return }
            // Each slot is initialized by exactly one iteration, and all of them finish before this closure returns.
            nonisolated(unsafe) let results = base
            withoutActuallyEscaping(transform) { transform in
                nonisolated(unsafe) let transform = transform
                DispatchQueue.concurrentPerform(iterations: indices.count) { offset in
                    (results + offset).initialize(to: transform(indices.lowerBound + offset))
                }
            }
            initializedCount = indices.count
        }
    }
}
