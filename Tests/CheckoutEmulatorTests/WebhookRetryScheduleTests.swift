#if Emulator
import CheckoutEmulator
import Foundation
import StripeCheckout
import StripeRuntime
import Testing

@Suite("Webhook retry schedules: exponential, capped, bounded in length")
struct WebhookRetryScheduleTests {
    private func seconds(_ offsets: [Duration]) -> [Double] {
        offsets.map { Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18 }
    }

    @Test("the default schedule: 5 attempts, waits doubling from 100 ms, over 1.5 s")
    func defaultSchedule() {
        let policy = WebhookRetryPolicy()
        #expect(policy.attemptOffsets == [.zero, .milliseconds(100), .milliseconds(300), .milliseconds(700),
                                          .milliseconds(1500)])
        #expect(policy.totalLength == .milliseconds(1500))
        #expect(policy.timeout == .seconds(5))
        #expect(policy.retryFor == nil)
    }

    @Test("waits stop growing at maxDelay; attempts stop at maxAttempts or at retryFor, whichever comes first")
    func capAndLength() {
        let capped = WebhookRetryPolicy(maxAttempts: 7, initialDelay: .seconds(1), maxDelay: .seconds(4))
        #expect(capped.attemptOffsets == [0, 1, 3, 7, 11, 15, 19].map { Duration.seconds($0) })
        let bounded = WebhookRetryPolicy(maxAttempts: 50, initialDelay: .seconds(1), maxDelay: .seconds(100),
                                         retryFor: .seconds(10))
        #expect(bounded.attemptOffsets == [0, 1, 3, 7].map { Duration.seconds($0) })
        let exact = WebhookRetryPolicy(maxAttempts: 50, initialDelay: .seconds(1), maxDelay: .seconds(100),
                                       retryFor: .seconds(7))
        #expect(exact.totalLength == .seconds(7), "an attempt exactly at the end of the window is made")
        let single = WebhookRetryPolicy(maxAttempts: 0)
        #expect(single.attemptOffsets == [.zero], "there is always a first attempt")
        let endless = WebhookRetryPolicy(maxAttempts: .max, initialDelay: .zero)
        #expect(endless.attemptOffsets.count == WebhookRetryPolicy.attemptLimit)
    }

    @Test("retrying for three days: 11 attempts, the first retry after about 4 minutes, waits doubling up to a day")
    func threeDays() {
        let window = Duration.seconds(3 * 86_400)
        let policy = WebhookRetryPolicy.exponential(retryingFor: window, timeout: .seconds(10))
        let offsets = seconds(policy.attemptOffsets)
        #expect(offsets.count == 11)
        #expect(offsets.first == 0)
        #expect(abs(offsets[1] - 259.2) < 0.001)
        let waits = zip(offsets.dropFirst(), offsets).map { $0 - $1 }
        #expect(waits.allSatisfy { $0 <= 86_400 + 0.001 })
        #expect(waits.prefix(9).enumerated().allSatisfy { index, wait in abs(wait - 259.2 * pow(2, Double(index))) < 0.01 })
        #expect(abs((waits.last ?? 0) - 86_400) < 0.001)
        #expect(policy.totalLength <= window)
        #expect(policy.totalLength > .seconds(2 * 86_400))
        #expect(policy.timeout == .seconds(10))
        #expect(policy.retryFor == window)
    }

    @Test("a short window keeps the same shape; no window at all means a single attempt")
    func shortWindows() {
        let short = WebhookRetryPolicy.exponential(retryingFor: .milliseconds(600))
        #expect(short.attemptOffsets == [0, 10, 30, 70, 150, 310, 510].map { Duration.milliseconds($0) })
        #expect(WebhookRetryPolicy.exponential(retryingFor: .zero).attemptOffsets == [.zero])
    }

    @Test("a delivery that keeps failing is tried on the schedule and then given up")
    func givesUpAfterWindow() async throws {
        let receiver = try WebhookReceiver(statuses: Array(repeating: 500, count: 50))
        let url = try await receiver.start()
        defer { Task { await receiver.stop() } }
        try await withEmulator({
            $0.webhookURL = url
            $0.webhookRetry = .exponential(retryingFor: .milliseconds(600), timeout: .seconds(2))
        }) { emulator in
            let stripe = makeClient(emulator)
            let created = try await stripe.checkout.sessions.create(paymentParams())
            _ = try await stripe.checkout.sessions.expire(created.id)
            #expect(await eventually { await emulator.webhookDeliveries().first?.attempts == 7 })
            try await Task.sleep(for: .milliseconds(400))
            let record = try #require(await emulator.webhookDeliveries().first)
            #expect(record.attempts == 7, "no attempt after the window")
            #expect(record.delivered == false)
            #expect(record.lastStatus == 500)
            #expect(receiver.deliveries.count == 7)
        }
    }

    @Test("durations as written on the command line")
    func durationText() throws {
        let cases: [(String, Duration)] = [
            ("90s", .seconds(90)), ("72h", .seconds(72 * 3600)), ("3d", .seconds(3 * 86_400)), ("500ms", .milliseconds(500)),
            ("1h30m", .seconds(5400)), ("1.5h", .seconds(5400)), ("0s", .zero), (" 10s ", .seconds(10)),
        ]
        for (text, expected) in cases { #expect(try DurationText.parse(text) == expected, "\(text)") }
        let errors: [(String, String)] = [
            ("", "is empty"), ("3", "needs a unit after 3"), ("3x", "unknown unit 'x'"), ("h", "needs a number"),
            ("-1s", "needs a number"), ("400d", "longer than 366 days"), ("1.2.3s", "needs a number"), ("3 d", "needs a unit after 3"),
        ]
        for (text, problem) in errors {
            let error = #expect(throws: DurationTextError.self, "\(text)") { try DurationText.parse(text) }
            #expect(error?.description.contains(problem) == true, "\(text): \(error?.description ?? "")")
            #expect(error?.description.contains("'\(text)'") == true)
        }
    }
}
#endif
