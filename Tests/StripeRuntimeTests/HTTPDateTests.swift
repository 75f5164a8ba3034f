import Foundation
import Testing
@testable import StripeRuntime

@Suite("HTTP dates read from their bytes")
struct HTTPDateTests {
    @Test("IMF-fixdates read as the instant they name")
    func knownDates() {
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == Date(timeIntervalSince1970: 784_111_777))
        #expect(HTTPDate.parse("Thu, 01 Jan 1970 00:00:00 GMT") == Date(timeIntervalSince1970: 0))
        #expect(HTTPDate.parse("Thu, 29 Feb 2024 12:00:00 GMT") == Date(timeIntervalSince1970: 1_709_208_000))
        #expect(HTTPDate.parse("Fri, 31 Dec 9999 23:59:59 GMT") == Date(timeIntervalSince1970: 253_402_300_799))
    }

    @Test("every valid date agrees with Foundation's calendar", arguments: 0..<4)
    func agreesWithCalendar(seed: Int) throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "GMT"))
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = calendar.timeZone
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        var generator = SeededGenerator(seed: UInt64(seed + 1))
        for _ in 0..<250 {
            let instant = Date(timeIntervalSince1970: TimeInterval(Int.random(in: -2_000_000_000...9_000_000_000,
                                                                             using: &generator)))
            let text = formatter.string(from: instant)
            #expect(HTTPDate.parse(text) == instant, "\(text)")
        }
    }

    @Test("anything that is not exactly an IMF-fixdate of a real day is not a date", arguments: [
        "Thu, 29 Feb 2023 12:00:00 GMT", "Sun, 31 Apr 2024 00:00:00 GMT", "Sun, 06 Nov 1994 24:00:00 GMT",
        "Sun, 06 Nov 1994 08:49:37 gmt", "Sun, 06 Nov 1994 08:49:37 UTC", "Sun 06 Nov 1994 08:49:37 GMT ",
        "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994", "Sun, 6 Nov 1994 08:49:37 GMT",
        "Xyz, 06 Nov 1994 08:49:37 GMT", "Sun, 06 Now 1994 08:49:37 GMT", "Sun, 00 Nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 08:49:37 GMT\u{0}", "Sün, 06 Nov 1994 08:49:37 GM", "",
    ])
    func rejected(text: String) {
        #expect(HTTPDate.parse(text) == nil)
    }

    @Test("a Retry-After date followed by bytes that are not ASCII is ignored, not a crash (found by fuzzing)")
    func fuzzedRetryAfter() {
        // The header value of the crashing input: an IMF-fixdate whose "GMT" was replaced by two-byte characters;
        // Foundation's DateFormatter traps on it on Linux.
        let value = "Wed, 21 Oct 4030 07:28:00" + String(decoding: [0xD6, 0xB8, 0xB2, 0xAB], as: UTF8.self)
        #expect(RetryDecision.retryAfter(["Retry-After": value]) == nil)
        #expect(RetryDecision.retryAfter(["Retry-After": "Wed, 21 Oct 4030 07:28:00ָ"]) == nil)
    }
}
