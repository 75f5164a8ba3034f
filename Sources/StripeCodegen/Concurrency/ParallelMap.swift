import Dispatch
import Foundation

/// Maps an array on every core, keeping the order: files print independently of each other, so a large spec
/// renders in about 1/cores of the time. Small inputs stay on the calling thread.
enum ParallelMap {
    /// Below this many elements, threads cost more than they save.
    static let minimumCount = 64

    static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, elements.count / 16)
        guard workers > 1, elements.count >= minimumCount else { return elements.map(transform) }
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

    /// Runs two pieces of work at once and returns both results.
    static func pair<First: Sendable, Second: Sendable>(
        _ first: @Sendable () -> First, _ second: @Sendable () -> Second
    ) -> (First, Second) {
        let firstResult = UnsafeMutablePointer<First>.allocate(capacity: 1)
        let secondResult = UnsafeMutablePointer<Second>.allocate(capacity: 1)
        defer {
            firstResult.deallocate()
            secondResult.deallocate()
        }
        // Each slot is initialized by exactly one iteration, and both finish before `concurrentPerform` returns.
        nonisolated(unsafe) let firstSlot = firstResult
        nonisolated(unsafe) let secondSlot = secondResult
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 {
                firstSlot.initialize(to: first())
            } else {
                secondSlot.initialize(to: second())
            }
        }
        return (firstResult.move(), secondResult.move())
    }
}
