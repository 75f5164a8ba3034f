#if Emulator
import CheckoutEmulator
import CheckoutWorkflows
import Foundation
import StripeCheckout
import StripeRuntime
import Testing

@Suite("A payment that completes while a checkout call runs")
struct PaymentRaceTests {
    /// Where the emulator holds its answer back in a round, to widen the window in which the payment lands.
    private static let slowSteps: [(method: String, path: String)] = [
        ("GET", "/v1/checkout/sessions"), ("POST", "/v1/checkout/sessions"), ("GET", "/v1/checkout/sessions/"),
        ("POST", "/v1/checkout/sessions/"),
    ]

    @Test("20 rounds: the order's session is paid during a checkout call; never two payments, never a live second session")
    func completionDuringCheckout() async throws {
        let harness = try await WorkflowHarness.start()
        var outcomes: [String: Int] = [:]
        for round in 0..<20 {
            let order = try OrderReference("order-race-\(round)")
            let first = try await harness.workflows.checkout(order, orderParams(amount: 1_000)).session
            let slow = Self.slowSteps[round % Self.slowSteps.count]
            await harness.emulator.inject(EmulatorFault(.delay, method: slow.method, pathPrefix: slow.path, count: 2,
                                                        delay: .milliseconds(40)))
            // Odd rounds change the cart (a new session is made), even rounds keep it (the first is reused).
            let amount = round % 2 == 0 ? 1_000 : 2_000
            async let decision = harness.workflows.checkout(order, orderParams(amount: amount))
            try await Task.sleep(for: .milliseconds(Int.random(in: 0...90)))
            let paid = try? await harness.emulator.complete(sessionID: first.id)
            let answer = try await decision
            await harness.emulator.clearFaults()

            let sessions = await harness.emulator.sessions().filter { $0.clientReferenceID == order.value }
            let complete = sessions.filter { $0.status == .complete }
            #expect(complete.count <= 1, "round \(round): \(complete.count) complete sessions")
            switch answer {
            case .pay(let session):
                let now = sessions.first { $0.id == session.id }
                if paid != nil {
                    // The payment landed after the call's last look: the session offered must be the paid one
                    // (its page says so) or expired, never a second live session.
                    #expect(now?.status == .expired || session.id == first.id,
                            "round \(round): offered \(session.id), now \(String(describing: now?.status))")
                }
                outcomes["pay", default: 0] += 1
            case .alreadyPaid(let session):
                #expect(session.id == first.id, "round \(round)")
                #expect(paid != nil, "round \(round): already paid, but nothing was paid")
                outcomes["paid", default: 0] += 1
            case .paymentProcessing:
                Issue.record("round \(round): nothing was paid with a delayed method")
            }
            #expect(sessions.filter { $0.status == .open }.count <= 1, "round \(round): one open session at most")
            if paid != nil {
                #expect(sessions.allSatisfy { $0.status != .open || $0.id == first.id },
                        "round \(round): a paid order keeps no other open session")
            }
        }
        await harness.stop()
        #expect(outcomes.values.reduce(0, +) == 20)
    }
}
#endif
