extension Duration {
    /// The longest wait any computed delay may reach, far beyond any real setting but small enough
    /// that converting it never overflows.
    static let longestComputedDelay = Duration.seconds(1_000_000_000)

    /// `seconds` as a duration within `0...limit` (and never past `longestComputedDelay`): negative
    /// and NaN values give zero, values past the limit give the limit. Clamping happens on the
    /// number, before any `Duration` is formed, because forming one from a huge number traps.
    static func clampedSeconds(_ seconds: Double, limit: Duration) -> Duration {
        let ceiling = Swift.min(Swift.max(limit, .zero), longestComputedDelay)
        guard seconds > 0 else { return .zero }
        guard seconds < ceiling.secondsValue else { return ceiling }
        return .seconds(seconds)
    }
}
