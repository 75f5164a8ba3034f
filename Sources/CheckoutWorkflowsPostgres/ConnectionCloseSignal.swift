#if PostgreSQL
import Foundation
import PostgresNIO

/// Waits until a connection closes, or until the waiting task is cancelled, whichever comes first.
enum ConnectionCloseSignal {
    /// True when the connection closed; false when the wait was cancelled first.
    static func wait(for connection: PostgresConnection) async -> Bool {
        let once = ResumeOnce()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                once.set(continuation)
                connection.closeFuture.whenComplete { _ in once.resume(true) }
            }
        } onCancel: {
            once.resume(false)
        }
    }
}

/// A continuation resumed by whichever of two callers comes first; a resume before the continuation
/// arrives is kept and delivered when it does.
final class ResumeOnce: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Bool, Never>?
    private var value: Bool?
    private var resumed = false

    func set(_ continuation: CheckedContinuation<Bool, Never>) {
        lock.lock()
        if let value, !resumed {
            resumed = true
            lock.unlock()
            continuation.resume(returning: value)
            return
        }
        self.continuation = continuation
        lock.unlock()
    }

    func resume(_ result: Bool) {
        lock.lock()
        guard !resumed, value == nil else { lock.unlock(); return }
        if let continuation {
            resumed = true
            self.continuation = nil
            lock.unlock()
            continuation.resume(returning: result)
        } else {
            value = result
            lock.unlock()
        }
    }
}
#endif
