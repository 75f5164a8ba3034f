import Dispatch

/// Runs two independent pieces of work at the same time, when a second core is free, and returns both results.
enum ForkJoin {
    static func both<First: Sendable, Second: Sendable>(
        _ first: @Sendable () -> First, _ second: @Sendable () -> Second
    ) -> (First, Second) {
        let firstResult = UnsafeMutablePointer<First?>.allocate(capacity: 1)
        let secondResult = UnsafeMutablePointer<Second?>.allocate(capacity: 1)
        firstResult.initialize(to: nil)
        secondResult.initialize(to: nil)
        defer {
            firstResult.deinitialize(count: 1)
            firstResult.deallocate()
            secondResult.deinitialize(count: 1)
            secondResult.deallocate()
        }
        // Each slot is written by one side, and both sides finish before the slots are read.
        nonisolated(unsafe) let slots = (firstResult, secondResult)
        DispatchQueue.concurrentPerform(iterations: 2) { side in
            if side == 0 {
                slots.0.pointee = first()
            } else {
                slots.1.pointee = second()
            }
        }
        guard let one = firstResult.pointee, let two = secondResult.pointee else {
            preconditionFailure("concurrentPerform returned before running both sides")
        }
        return (one, two)
    }
}
