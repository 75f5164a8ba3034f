/// How long to wait before each retry: exponential growth from `initialDelay`, capped at
/// `maxDelay`, spread by jitter so that many clients do not retry in lockstep.
public struct RetryBackoff: Sendable, Hashable {
    /// How the computed delay is randomised.
    public enum Jitter: Sendable, Hashable {
        /// Exactly the exponential delay.
        case none
        /// Anywhere between zero and the exponential delay.
        case full
        /// Between half of the exponential delay and all of it.
        case equal
    }

    /// The delay before the first retry, before jitter.
    public var initialDelay: Duration
    /// The longest delay, before jitter.
    public var maxDelay: Duration
    /// How the delay is randomised.
    public var jitter: Jitter
    /// The longest `Retry-After` the client will honour; longer requests are shortened to this.
    public var maxRetryAfter: Duration

    /// Creates a policy; the defaults wait about 0.5 s, 1 s, 2 s… up to 8 s.
    public init(
        initialDelay: Duration = .milliseconds(500),
        maxDelay: Duration = .seconds(8),
        jitter: Jitter = .equal,
        maxRetryAfter: Duration = .seconds(60)
    ) {
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.jitter = jitter
        self.maxRetryAfter = maxRetryAfter
    }

    /// The wait before retry number `retry` (1 for the first), given a random value in `0..<1` and
    /// the server's `Retry-After`, which wins when it asks for longer.
    public func delay(forRetry retry: Int, retryAfter: Duration? = nil, random: Double) -> Duration {
        let exponent = max(0, min(retry - 1, 30))
        let grown = initialDelay.secondsValue * Double(1 << exponent)
        let base = min(grown, maxDelay.secondsValue)
        let unit = min(max(random, 0), 1)
        let jittered: Double = switch jitter {
        case .none: base
        case .full: base * unit
        case .equal: base / 2 + base / 2 * unit
        }
        var delay = Duration.clampedSeconds(jittered, limit: maxDelay)
        if let retryAfter {
            delay = max(delay, min(retryAfter, maxRetryAfter))
        }
        return delay
    }
}
