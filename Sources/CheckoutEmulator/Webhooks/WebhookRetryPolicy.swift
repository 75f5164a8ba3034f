#if Emulator
/// How often and how soon a failed webhook delivery is tried again: the wait before each retry doubles from
/// `initialDelay` up to `maxDelay`, and retries stop after `maxAttempts` attempts in all, or once the next one would
/// start more than `retryFor` after the first, whichever comes first.
///
/// Stripe itself retries for up to three days in live mode, with exponential backoff, and makes 3 retries spread
/// over a few hours in test mode. ``exponential(retryingFor:timeout:)`` builds a schedule of that shape for any
/// length; the default policy is a short one, for tests that want a failed delivery settled within seconds.
public struct WebhookRetryPolicy: Sendable, Hashable {
    /// How many attempts a delivery gets in all, the first included (at most ``attemptLimit``).
    public var maxAttempts: Int
    /// The wait before the second attempt; each later wait doubles it.
    public var initialDelay: Duration
    /// The longest wait between two attempts, however many came before.
    public var maxDelay: Duration
    /// How long to wait for the endpoint to answer each attempt.
    public var timeout: Duration
    /// How long after the first attempt a retry may still start; when `nil`, only ``maxAttempts`` ends the retries.
    public var retryFor: Duration?

    /// The most attempts any schedule holds, so that a zero wait or a missing limit cannot make it endless.
    public static let attemptLimit = 100

    /// Creates a policy; the defaults try 5 times over about 1.5 s and give each attempt 5 s.
    public init(maxAttempts: Int = 5, initialDelay: Duration = .milliseconds(100), maxDelay: Duration = .seconds(2),
                timeout: Duration = .seconds(5), retryFor: Duration? = nil) {
        self.maxAttempts = maxAttempts
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.timeout = timeout
        self.retryFor = retryFor
    }

    /// A schedule that retries for `window`: the first retry a thousandth of it (at least 10 ms) after the first
    /// attempt, each later wait twice the one before up to a third of `window`, none starting after `window`.
    /// Three days gives 11 attempts, the first retry after about 4 minutes and the last about 61 hours in.
    public static func exponential(retryingFor window: Duration, timeout: Duration = .seconds(5)) -> WebhookRetryPolicy {
        let window = max(window, .zero)
        return WebhookRetryPolicy(maxAttempts: attemptLimit, initialDelay: max(window / 1000, .milliseconds(10)),
                                  maxDelay: max(window / 3, .milliseconds(10)), timeout: timeout, retryFor: window)
    }

    /// When each attempt starts, counted from the first one, whose offset is zero; a delivery that keeps failing is
    /// tried at each of these times and then given up.
    public var attemptOffsets: [Duration] {
        let attempts = min(max(1, maxAttempts), Self.attemptLimit)
        var offsets: [Duration] = [.zero]
        while offsets.count < attempts, let last = offsets.last {
            let next = last + delay(beforeAttempt: offsets.count + 1)
            if let retryFor, next > retryFor { break }
            offsets.append(next)
        }
        return offsets
    }

    /// The time from the first attempt to the last one, when every attempt fails.
    public var totalLength: Duration {
        attemptOffsets.last ?? .zero
    }

    /// The wait before attempt `attempt` (2 for the first retry).
    func delay(beforeAttempt attempt: Int) -> Duration {
        let cap = max(maxDelay, .zero)
        var wait = max(initialDelay, .zero)
        var doublings = attempt - 2
        // Doubling stops at the cap, so no wait can overflow.
        while doublings > 0, wait < cap {
            wait = wait * 2
            doublings -= 1
        }
        return min(wait, cap)
    }
}
#endif
