import CheckoutEmulator
import CheckoutWorkflows
import StripeCheckout
import StripeRuntime
import Testing

@Suite("One open session per order")
struct OneOpenSessionTests {
    @Test("replacing creates the new session and expires the old open one, every time within the same second")
    func replace() async throws {
        let harness = try await WorkflowHarness.start()
        let order = try OrderReference("order-2002")
        var previous = try await harness.workflows.createSession(for: CheckoutAttempt(order: order, number: 1), orderParams())
        #expect(previous.metadata?[CheckoutWorkflows.attemptMetadataKey] == "1")
        for attempt in 2...8 {
            let new = try await harness.workflows.replaceOpenSession(
                for: CheckoutAttempt(order: order, number: attempt), orderParams(amount: 1_000 + attempt))
            let old = try await harness.stripe.checkout.sessions.retrieve(previous.id)
            let open = try await openSessions(order, harness.workflows)
            #expect(new.id != previous.id, "attempt \(attempt)")
            #expect(new.status == .open)
            #expect(new.amountTotal == 1_000 + attempt)
            #expect(old.status == .expired, "attempt \(attempt)")
            #expect(open == [new.id], "attempt \(attempt)")
            previous = new
        }
        await harness.stop()
    }

    @Test("two racing replacements from two processes leave at most one open session, and both callers agree on it")
    func race() async throws {
        let harness = try await WorkflowHarness.start()
        let order = try OrderReference("order-race")
        _ = try await harness.workflows.createSession(for: CheckoutAttempt(order: order, number: 1), orderParams())
        // Two separate clients and workflow values: nothing is shared in-process between them.
        let shopA = CheckoutWorkflows(stripe: WorkflowHarness.client(for: harness.emulator))
        let shopB = CheckoutWorkflows(stripe: WorkflowHarness.client(for: harness.emulator))
        async let a = shopA.replaceOpenSession(for: CheckoutAttempt(order: order, number: 2), orderParams())
        async let b = shopB.replaceOpenSession(for: CheckoutAttempt(order: order, number: 3), orderParams())
        let (resultA, resultB) = try await (a, b)
        let open = try await openSessions(order, harness.workflows)
        await harness.stop()
        // The higher attempt wins wherever the sweeps interleave.
        #expect(open == [resultB.id], "open sessions: \(open)")
        #expect(resultB.metadata?[CheckoutWorkflows.attemptMetadataKey] == "3")
        #expect(resultA.id == resultB.id || resultA.metadata?[CheckoutWorkflows.attemptMetadataKey] == "2")
    }

    @Test("concurrent replacements in one process run one at a time and end with one open session")
    func sameProcess() async throws {
        let harness = try await WorkflowHarness.start()
        let order = try OrderReference("order-local")
        let results = try await withThrowingTaskGroup(of: String.self) { group in
            for attempt in 1...4 {
                group.addTask {
                    try await harness.workflows.replaceOpenSession(for: CheckoutAttempt(order: order, number: attempt), orderParams()).id
                }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        let open = try await openSessions(order, harness.workflows)
        await harness.stop()
        #expect(open.count == 1)
        #expect(results.count == 4)
    }

    private func openSessions(_ order: OrderReference, _ workflows: CheckoutWorkflows) async throws -> [String] {
        var ids: [String] = []
        for try await session in workflows.sessions(for: order) where session.status == .open { ids.append(session.id) }
        return ids
    }
}
