import Foundation

/// A list of jobs any number of threads can help with: each helper takes the next job not yet taken until none
/// are left. A thread busy with something else joins when it is free, so the work spreads by itself.
final class SharedWork<Result: Sendable>: @unchecked Sendable {
    private let count: Int
    private let job: @Sendable (Int) -> Result
    private let lock = NSLock()
    // Guarded by `lock`.
    private var next = 0
    private var results: [Result?]

    init(count: Int, job: @escaping @Sendable (Int) -> Result) {
        self.count = count
        self.job = job
        results = Array(repeating: nil, count: count)
    }

    /// Runs jobs on the calling thread until every job has been taken.
    func help() {
        while let index = take() {
            let result = job(index)
            lock.withLock { results[index] = result }
        }
    }

    /// Every job's result in job order, once all the helpers have returned; jobs nobody took run here.
    func finish() -> [Result] {
        help()
        return lock.withLock { results.compactMap { $0 } }
    }

    private func take() -> Int? {
        lock.withLock {
            guard next < count else { return nil }
            next += 1
            return next - 1
        }
    }
}
