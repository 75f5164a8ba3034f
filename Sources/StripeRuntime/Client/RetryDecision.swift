import Foundation

/// Which answers and failures are worth sending again, following Stripe's own libraries.
enum RetryDecision {
    /// Whether an answer with `status` should be retried. `Stripe-Should-Retry` overrides the
    /// status rules both ways; otherwise lock conflicts (409) and server errors (5xx) are retried,
    /// and a 429 only when its error code is `lock_timeout`: a plain rate limit is not retried,
    /// since retrying would only add to the load that caused it.
    static func shouldRetry(status: Int, headers: HTTPHeaders, errorCode: String? = nil) -> Bool {
        switch headers["Stripe-Should-Retry"]?.lowercased() {
        case "true": return true
        case "false": return false
        default: break
        }
        if status == 429 { return errorCode == "lock_timeout" }
        return status == 409 || status >= 500
    }

    /// Whether a failure with no answer should be retried: network failures and timeouts are.
    static func shouldRetry(_ error: StripeError) -> Bool {
        error.kind == .connection || error.kind == .timeout
    }

    /// The `Retry-After` header as a duration of at most `limit`: a number of seconds, or an HTTP date
    /// (`Wed, 21 Oct 2015 07:28:00 GMT`) counted from `now`, a date already past being no wait at all.
    /// Anything else is ignored. The number is clamped before it becomes a `Duration`, so no value traps.
    static func retryAfter(_ headers: HTTPHeaders, now: Date = Date(), limit: Duration = .seconds(60)) -> Duration? {
        guard let text = headers["Retry-After"]?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Double(text) {
            return seconds.isFinite && seconds >= 0 ? Duration.clampedSeconds(seconds, limit: limit) : nil
        }
        guard let date = HTTPDate.parse(text) else { return nil }
        return Duration.clampedSeconds(date.timeIntervalSince(now), limit: limit)
    }
}
