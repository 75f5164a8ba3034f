import Dispatch
import Foundation

/// Maps on several threads, keeping the order: the one way the generator runs work in parallel (YAML chunks,
/// components, resources, printed files, written files). The width is a parameter, so tests can run the same work
/// on one thread and on many and compare.
public enum ParallelMap {
    /// Below this many elements, threads cost more than they save.
    public static let minimumCount = 64

    /// The width used when none is given: every core (at most one per 16 elements) for large inputs, else one.
    public static func automaticWidth(for count: Int) -> Int {
        count >= minimumCount ? min(ProcessInfo.processInfo.activeProcessorCount, count / 16) : 1
    }

    /// `elements.map(transform)` on `width` threads (``automaticWidth(for:)`` when `nil`); width 1 runs on the
    /// calling thread. The result does not depend on the width.
    public static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], width: Int? = nil, _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        map(elements.indices, width: width ?? automaticWidth(for: elements.count)) { transform(elements[$0]) }
    }

    /// `transform` of each index on `width` threads, in index order. `transform` runs on several threads at once
    /// and may borrow memory the caller holds (a parse buffer) until this returns, so it need not be `Sendable`:
    /// the caller makes sure concurrent calls touch disjoint state.
    public static func map<Result: Sendable>(_ indices: Range<Int>, width: Int,
                                             _ transform: (Int) -> Result) -> [Result] {
        let workers = min(width, indices.count)
        guard workers > 1 else { return indices.map(transform) }
        return [Result](unsafeUninitializedCapacity: indices.count) { buffer, initializedCount in
            guard let base = buffer.baseAddress else { return }
            // Each slot is initialized by exactly one worker, and all of them finish before this closure returns.
            nonisolated(unsafe) let results = base
            withoutActuallyEscaping(transform) { transform in
                nonisolated(unsafe) let transform = transform
                // Workers take interleaved indices, so large and small items spread evenly.
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    for offset in stride(from: worker, to: indices.count, by: workers) {
                        (results + offset).initialize(to: transform(indices.lowerBound + offset))
                    }
                }
            }
            initializedCount = indices.count
        }
    }
}
