import Foundation
import Testing
@testable import StripeRuntime

@Suite struct RetryBackoffTests {
    @Test func exponentialGrowthIsCapped() {
        let backoff = RetryBackoff(jitter: .none)
        let delays = (1...8).map { backoff.delay(forRetry: $0, random: 0.3) }
        #expect(delays == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(8), .seconds(8), .seconds(8)])
    }

    @Test(arguments: [0.0, 0.25, 0.5, 0.999])
    func jitterStaysWithinBounds(random: Double) {
        for retry in 1...10 {
            let base = RetryBackoff(jitter: .none).delay(forRetry: retry, random: random)
            let full = RetryBackoff(jitter: .full).delay(forRetry: retry, random: random)
            let equal = RetryBackoff(jitter: .equal).delay(forRetry: retry, random: random)
            #expect(full >= .zero && full <= base)
            #expect(equal >= base / 2 && equal <= base)
            #expect(base <= .seconds(8))
        }
    }

    @Test func retryAfterWinsWhenLongerButIsCapped() {
        let backoff = RetryBackoff(jitter: .none)
        #expect(backoff.delay(forRetry: 1, retryAfter: .seconds(3), random: 0) == .seconds(3))
        #expect(backoff.delay(forRetry: 4, retryAfter: .seconds(1), random: 0) == .seconds(4))
        #expect(backoff.delay(forRetry: 1, retryAfter: .seconds(3600), random: 0) == .seconds(60))
    }

    @Test func statusRules() {
        for status in [409, 500, 502, 503, 504] {
            #expect(RetryDecision.shouldRetry(status: status, headers: [:]), "\(status)")
        }
        for status in [400, 401, 402, 403, 404, 429] {
            #expect(!RetryDecision.shouldRetry(status: status, headers: [:]), "\(status)")
        }
        #expect(RetryDecision.shouldRetry(status: 400, headers: ["stripe-should-retry": "true"]))
        #expect(!RetryDecision.shouldRetry(status: 503, headers: ["Stripe-Should-Retry": "false"]))
        #expect(RetryDecision.retryAfter(["Retry-After": "7"]) == .seconds(7))
        #expect(RetryDecision.retryAfter(["Retry-After": "-3"]) == nil)
        #expect(RetryDecision.retryAfter(["Retry-After": "soon"]) == nil)
    }

    @Test func retryAfterAsAnHTTPDateCountsFromNow() {
        let now = Date(timeIntervalSince1970: 1_445_412_460)  // Wed, 21 Oct 2015 07:27:40 GMT
        let header: HTTPHeaders = ["Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"]
        #expect(RetryDecision.retryAfter(header, now: now) == .seconds(20))
        #expect(RetryDecision.retryAfter(header, now: now.addingTimeInterval(60)) == .zero, "a past date means now")
        #expect(RetryDecision.retryAfter(["Retry-After": "Wed, 21 Oct 2015 07:28:00 PST"], now: now) == nil)
    }

    @Test func aRateLimitIsRetriedOnlyWhenStripeSaysSoOrOnALockTimeout() {
        #expect(!RetryDecision.shouldRetry(status: 429, headers: [:], errorCode: "rate_limit"))
        #expect(RetryDecision.shouldRetry(status: 429, headers: ["Stripe-Should-Retry": "true"]))
        #expect(RetryDecision.shouldRetry(status: 429, headers: [:], errorCode: "lock_timeout"))
        #expect(!RetryDecision.shouldRetry(status: 429, headers: ["Stripe-Should-Retry": "false"], errorCode: "lock_timeout"))
    }

    /// Each of these once trapped turning the number into a `Duration` before the cap applied.
    @Test(arguments: ["1e30", "1e300", "99999999999999999999999", "1.7976931348623157e308"])
    func hugeRetryAfterNumbersAreCappedWithoutTrapping(header: String) {
        #expect(RetryDecision.retryAfter(["Retry-After": header]) == .seconds(60))
        #expect(RetryDecision.retryAfter(["Retry-After": header], limit: .seconds(5)) == .seconds(5))
        #expect(RetryDecision.retryAfter(["Retry-After": "2"], limit: .seconds(5)) == .seconds(2))
    }

    @Test func aFarFutureRetryAfterDateIsCapped() {
        let now = Date(timeIntervalSince1970: 1_445_412_460)
        #expect(RetryDecision.retryAfter(["Retry-After": "Fri, 31 Dec 9999 23:59:59 GMT"], now: now) == .seconds(60))
        #expect(RetryDecision.retryAfter(["Retry-After": "nan"]) == nil)
        #expect(RetryDecision.retryAfter(["Retry-After": "inf"]) == nil)
    }

    @Test func hugeBackoffSettingsDoNotTrap() {
        let backoff = RetryBackoff(initialDelay: .seconds(Int64.max / 4), maxDelay: .seconds(Int64.max / 2), jitter: .none,
                                   maxRetryAfter: .seconds(Int64.max / 2))
        let delay = backoff.delay(forRetry: 40, retryAfter: .seconds(Int64.max / 2), random: 0.5)
        #expect(delay >= Duration.longestComputedDelay)
        #expect(Duration.clampedSeconds(-.infinity, limit: .seconds(3)) == .zero)
        #expect(Duration.clampedSeconds(.nan, limit: .seconds(3)) == .zero)
        #expect(Duration.clampedSeconds(.infinity, limit: .seconds(3)) == .seconds(3))
    }
}
