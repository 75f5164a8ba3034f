#if Emulator
import CheckoutEmulator
import CheckoutWorkflows
import Foundation
import StripeCheckout
import StripeRuntime
import Testing

@Suite("One checkout per order: refreshes, cart changes, paid orders")
struct OrderCheckoutTests {
    @Test("five refreshes of the same cart land on one session and make nothing new")
    func refreshes() async throws {
        let harness = try await WorkflowHarness.start()
        let order = try OrderReference("order-refresh")
        var ids: [String] = []
        for _ in 1...5 {
            let decision = try await harness.workflows.checkout(order, orderParams())
            guard case .pay(let session) = decision else {
                Issue.record("expected a session to pay, got \(decision)")
                continue
            }
            ids.append(session.id)
        }
        let all = await harness.emulator.sessions()
        await harness.stop()
        #expect(Set(ids).count == 1, "every refresh got the first session: \(ids)")
        #expect(all.count == 1)
        #expect(all.first?.status == .open)
        #expect(all.first?.clientReferenceID == "order-refresh")
        #expect(all.first?.metadata?[CartFingerprint.metadataKey] == (try CartFingerprint(orderParams())).value)
    }

    @Test("a changed cart makes a new session and expires the old one; going back to the first cart makes a third")
    func cartChange() async throws {
        let harness = try await WorkflowHarness.start()
        let order = try OrderReference("order-cart")
        let first = try await harness.workflows.checkout(order, orderParams(amount: 1_000)).session
        let second = try await harness.workflows.checkout(order, orderParams(amount: 2_000)).session
        let third = try await harness.workflows.checkout(order, orderParams(amount: 1_000)).session
        let byID = Dictionary(uniqueKeysWithValues: await harness.emulator.sessions().map { ($0.id, $0) })
        await harness.stop()
        #expect(Set([first.id, second.id, third.id]).count == 3, "an expired session is never offered again")
        #expect(byID[first.id]?.status == .expired)
        #expect(byID[second.id]?.status == .expired)
        #expect(byID[third.id]?.status == .open)
        #expect(byID[third.id]?.amountTotal == 1_000)
    }

    @Test("a paid order answers already paid, creates nothing, and expires any session still open")
    func paidOrder() async throws {
        let harness = try await WorkflowHarness.start()
        let order = try OrderReference("order-paid")
        let paid = try await harness.workflows.checkout(order, orderParams()).session
        // A racing server without a shared lock left a second open session for the same order.
        let stray = try await harness.stripe.checkout.sessions.create(
            orderParams(amount: 5_000, reference: order.value))
        try await harness.emulator.complete(sessionID: paid.id)
        let decision = try await harness.workflows.checkout(order, orderParams(amount: 9_999))
        let byID = Dictionary(uniqueKeysWithValues: await harness.emulator.sessions().map { ($0.id, $0) })
        await harness.stop()
        guard case .alreadyPaid(let session) = decision else {
            Issue.record("expected already paid, got \(decision)")
            return
        }
        #expect(session.id == paid.id)
        #expect(byID.count == 2, "nothing was created")
        #expect(byID[stray.id]?.status == .expired)
    }

    @Test("a delayed payment answers payment processing until it settles, then already paid; nothing is created")
    func delayedPayment() async throws {
        let harness = try await WorkflowHarness.start()
        let order = try OrderReference("order-delayed")
        let session = try await harness.workflows.checkout(order, orderParams()).session
        try await harness.emulator.complete(sessionID: session.id, delayedPayment: true)
        let processing = try await harness.workflows.checkout(order, orderParams())
        try await harness.emulator.settleAsyncPayment(sessionID: session.id, succeeded: true)
        let settled = try await harness.workflows.checkout(order, orderParams())
        let count = await harness.emulator.sessions().count
        await harness.stop()
        guard case .paymentProcessing(let pending) = processing, case .alreadyPaid(let paid) = settled else {
            Issue.record("expected processing then paid, got \(processing) and \(settled)")
            return
        }
        #expect(pending.id == session.id)
        #expect(pending.paymentStatus == .unpaid)
        #expect(paid.id == session.id)
        #expect(paid.paymentStatus == .paid)
        #expect(count == 1)
    }

    @Test("a response lost on the way back is retried with the same key and leaves one session")
    func lostResponse() async throws {
        let harness = try await WorkflowHarness.start()
        await harness.emulator.inject(EmulatorFault(.dropConnection, method: "POST", pathPrefix: "/v1/checkout/sessions"))
        let decision = try await harness.workflows.checkout(try OrderReference("order-lost"), orderParams())
        let all = await harness.emulator.sessions()
        let posts = await harness.emulator.requestCount(method: "POST", path: "/v1/checkout/sessions")
        await harness.stop()
        #expect(all.map(\.id) == [decision.session.id])
        #expect(posts == 2, "the first answer was dropped, the retry replayed it")
    }

    @Test("two servers without a shared lock, same cart at the same moment: one session, both send the customer to it")
    func twoServersSameCart() async throws {
        let harness = try await WorkflowHarness.start()
        let order = try OrderReference("order-two-servers")
        let shopA = CheckoutWorkflows(stripe: WorkflowHarness.client(for: harness.emulator))
        let shopB = CheckoutWorkflows(stripe: WorkflowHarness.client(for: harness.emulator))
        async let a = shopA.checkout(order, orderParams())
        async let b = shopB.checkout(order, orderParams())
        let (resultA, resultB) = try await (a, b)
        let all = await harness.emulator.sessions()
        await harness.stop()
        #expect(resultA.session.id == resultB.session.id, "the shared Idempotency-Key replayed one create")
        #expect(all.count == 1)
    }

    @Test("calls for one order in one process run one at a time: four tabs, two carts, one open session at the end")
    func fourTabs() async throws {
        let harness = try await WorkflowHarness.start()
        let order = try OrderReference("order-tabs")
        let results = try await withThrowingTaskGroup(of: CheckoutDecision.self) { group in
            for tab in 1...4 {
                group.addTask { try await harness.workflows.checkout(order, orderParams(amount: tab % 2 == 0 ? 500 : 700)) }
            }
            return try await group.reduce(into: [CheckoutDecision]()) { $0.append($1) }
        }
        let open = await harness.emulator.sessions().filter { $0.status == .open }
        await harness.stop()
        #expect(open.count == 1)
        #expect(results.count == 4)
    }

    // The client refuses to send a key over 255 characters or with control characters, so a session made and
    // found again proves the derived key is valid and stable.
    @Test("an order reference that is long and not plain ASCII still gives a header-safe key of at most 255 characters")
    func unusualReference() async throws {
        let harness = try await WorkflowHarness.start()
        let order = try OrderReference(String(repeating: "Bestellung-ü ", count: 15))
        let first = try await harness.workflows.checkout(order, orderParams()).session
        let again = try await harness.workflows.checkout(order, orderParams()).session
        await harness.stop()
        #expect(first.id == again.id)
        #expect(first.clientReferenceID == order.value)
    }
}
#endif
