import Dispatch
import Foundation

/// Maps an array on several threads, keeping the order: the one way the generator runs work in parallel.
/// Components, resources and files translate and print independently of each other, so a large spec takes about
/// 1/cores of the time.
enum ParallelMap {
    /// Below this many elements, threads cost more than they save.
    static let minimumCount = 64

    /// The width used when none is given: every core (at most one per 16 elements) for large inputs, else one.
    static func automaticWidth(for count: Int) -> Int {
        count >= minimumCount ? min(ProcessInfo.processInfo.activeProcessorCount, count / 16) : 1
    }

    /// `elements.map(transform)`, on `width` threads (``automaticWidth(for:)`` when `nil`); `width` 1 runs on the
    /// calling thread. The result does not depend on the width.
    static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], width: Int? = nil, _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        let workers = min(width ?? automaticWidth(for: elements.count), elements.count)
        guard workers > 1 else { return elements.map(transform) }
        return [Result](unsafeUninitializedCapacity: elements.count) { buffer, initializedCount in
            guard let base = buffer.baseAddress else { return }
            // Each index is initialized by exactly one worker, and all of them finish before this closure returns.
            nonisolated(unsafe) let results = base
            // Workers take interleaved indices, so large and small items spread evenly.
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for index in stride(from: worker, to: elements.count, by: workers) {
                    (results + index).initialize(to: transform(elements[index]))
                }
            }
            initializedCount = elements.count
        }
    }
}
