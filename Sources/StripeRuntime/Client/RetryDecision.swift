import Foundation

/// Which answers and failures are worth sending again.
enum RetryDecision {
    /// Whether an answer with `status` should be retried. `Stripe-Should-Retry` overrides the
    /// status rules both ways; otherwise lock conflicts (409), rate limits (429) and server errors
    /// (5xx) are retried.
    static func shouldRetry(status: Int, headers: HTTPHeaders) -> Bool {
        switch headers["Stripe-Should-Retry"]?.lowercased() {
        case "true": return true
        case "false": return false
        default: break
        }
        return status == 409 || status == 429 || status >= 500
    }

    /// Whether a failure with no answer should be retried: network failures and timeouts are.
    static func shouldRetry(_ error: StripeError) -> Bool {
        error.kind == .connection || error.kind == .timeout
    }

    /// The `Retry-After` header as a duration, when it is a number of seconds.
    static func retryAfter(_ headers: HTTPHeaders) -> Duration? {
        guard let text = headers["Retry-After"]?.trimmingCharacters(in: .whitespaces),
              let seconds = Double(text), seconds.isFinite, seconds >= 0 else { return nil }
        return .seconds(seconds)
    }
}
