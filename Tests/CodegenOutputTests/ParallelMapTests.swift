import Foundation
import ParallelWork
import Testing

/// The one parallel-map helper: the same results, in order, whatever the width.
@Suite struct ParallelMapTests {
    @Test(arguments: [1, 2, 3, 8, 200])
    func anyWidthGivesTheSequentialResultInOrder(width: Int) {
        let elements = Array(0..<150)
        let expected = elements.map { $0 * $0 + 1 }
        #expect(ParallelMap.map(elements, width: width) { $0 * $0 + 1 } == expected)
        #expect(ParallelMap.map(10..<160, width: width) { $0 - 10 } == elements)
    }

    @Test func severalWorkersRunAtOnceWhenTheWidthAllowsIt() {
        let threads = ThreadNames()
        _ = ParallelMap.map(Array(0..<64), width: 4) { element in
            threads.insert(Thread.current.description)
            // The first element holds its worker until another worker has started (or 5 s pass), so a busy machine
            // that starts the others late cannot make one thread look like the only one.
            guard element == 0 else { return }
            let deadline = Date().addingTimeInterval(5)
            while threads.count < 2, Date() < deadline { Thread.sleep(forTimeInterval: 0.001) }
        }
        #expect(threads.count > 1)
        let single = ThreadNames()
        _ = ParallelMap.map(Array(0..<64), width: 1) { _ in single.insert(Thread.current.description) }
        #expect(single.count == 1)
    }

    @Test func smallInputsStayOnOneThreadByDefault() {
        #expect(ParallelMap.automaticWidth(for: ParallelMap.minimumCount - 1) == 1)
        #expect(ParallelMap.automaticWidth(for: 10_000) == ProcessInfo.processInfo.activeProcessorCount)
    }
}

/// Thread descriptions seen, from any thread.
private final class ThreadNames: @unchecked Sendable {
    private let lock = NSLock()
    private var names: Set<String> = []

    func insert(_ name: String) { lock.withLock { _ = names.insert(name) } }
    var count: Int { lock.withLock { names.count } }
}
