#if Emulator
import CheckoutEmulator
import CheckoutWorkflows
import Foundation
import StripeCheckout
import StripeRuntime
import Testing

@Suite("An order paid twice is noticed once and refunded once")
struct DuplicatePaymentTests {
    private static let secret = "whsec_duplicate_tests"
    private let signer = WebhookSigner(secret: Self.secret)

    /// What the duplicate handler saw, across tasks.
    private actor Reports {
        var payments: [DuplicatePayment] = []
        var refunds: [String] = []
        func add(_ payment: DuplicatePayment, refund: String) {
            payments.append(payment)
            refunds.append(refund)
        }
    }

    /// A signed `checkout.session.completed` delivery carrying `session` as the API renders it.
    private func completedEvent(_ id: String, _ session: CheckoutSession) throws -> (Data, String) {
        try signedCompletedEvent(id, session, signer: signer)
    }

    @Test("two tabs paid two sessions: one is reported once, whichever event comes first, and refunded once despite redeliveries")
    func twoCompletedSessions() async throws {
        let harness = try await WorkflowHarness.start()
        let order = try OrderReference("order-twice")
        let first = try await harness.workflows.checkout(order, orderParams()).session
        // Another server without a shared lock made a second session for the same order.
        let second = try await harness.stripe.checkout.sessions.create(orderParams(amount: 1_300, reference: order.value))
        let firstPaid = try await harness.emulator.complete(sessionID: first.id)
        let secondPaid = try await harness.emulator.complete(sessionID: second.id)

        let reports = Reports()
        let workflows = harness.workflows
        let handler = CheckoutWebhookHandler(verifier: WebhookVerifier(secret: Self.secret), workflows: workflows)
            .onDuplicatePayment { payment in
                let refund = try await workflows.refundDuplicatePayment(payment.duplicate)
                await reports.add(payment, refund: refund.id)
            }
        // The newer session's event arrives first, then the older one's; each is delivered twice.
        let (newer, newerHeader) = try completedEvent("evt_newer", secondPaid)
        let (older, olderHeader) = try completedEvent("evt_older", firstPaid)
        var outcomes: [WebhookOutcome] = []
        for (payload, header) in [(newer, newerHeader), (older, olderHeader), (newer, newerHeader), (older, olderHeader)] {
            outcomes.append(await handler.handle(payload: payload, signatureHeader: header))
        }
        let answer = try await harness.workflows.checkout(order, orderParams())
        let payments = await reports.payments
        let payment = try #require(payments.first)
        let keptPaid = payment.original.id == first.id ? firstPaid : secondPaid
        let duplicatePaid = payment.original.id == first.id ? secondPaid : firstPaid
        let refunds = try await harness.stripe.refunds.listPage(.init(paymentIntent: duplicatePaid.paymentIntent?.id))
        let keptRefunds = try await harness.stripe.refunds.listPage(.init(paymentIntent: keptPaid.paymentIntent?.id))
        await harness.stop()

        #expect(outcomes.map(\.httpStatus) == [200, 200, 200, 200])
        #expect(payments.count == 1)
        #expect(Set([payment.original.id, payment.duplicate.id]) == Set([first.id, second.id]))
        guard case .alreadyPaid(let paidBy) = answer else {
            Issue.record("expected already paid, got \(answer)")
            return
        }
        #expect(paidBy.id == payment.original.id, "checkout and the webhook agree on the session that keeps the order")
        #expect(refunds.data.count == 1)
        #expect(refunds.data.first?.amount == duplicatePaid.amountTotal)
        #expect(keptRefunds.data.isEmpty)
        #expect(await reports.refunds == refunds.data.map(\.id))
    }

    @Test("refunding the same duplicate twice replays the first refund")
    func refundIsIdempotent() async throws {
        let harness = try await WorkflowHarness.start()
        let order = try OrderReference("order-refund-twice")
        let session = try await harness.workflows.checkout(order, orderParams()).session
        let paid = try await harness.emulator.complete(sessionID: session.id)
        let refund = try await harness.workflows.refundDuplicatePayment(paid)
        let again = try await harness.workflows.refundDuplicatePayment(paid)
        let listed = try await harness.stripe.refunds.listPage(.init(paymentIntent: paid.paymentIntent?.id))
        await harness.stop()
        #expect(refund.id == again.id)
        #expect(refund.reason == .duplicate)
        #expect(refund.metadata?[CheckoutWorkflows.refundedSessionMetadataKey] == session.id)
        #expect(listed.data.count == 1)
    }

    @Test("one complete session is no duplicate: the handler is not called")
    func singlePayment() async throws {
        let harness = try await WorkflowHarness.start()
        let order = try OrderReference("order-once")
        let session = try await harness.workflows.checkout(order, orderParams()).session
        let paid = try await harness.emulator.complete(sessionID: session.id)
        let reports = Reports()
        let handler = CheckoutWebhookHandler(verifier: WebhookVerifier(secret: Self.secret), workflows: harness.workflows)
            .onDuplicatePayment { payment in await reports.add(payment, refund: "none") }
        let (payload, header) = try completedEvent("evt_once", paid)
        let outcome = await handler.handle(payload: payload, signatureHeader: header)
        await harness.stop()
        #expect(outcome == .handled(eventID: "evt_once", type: "checkout.session.completed"))
        #expect(await reports.payments.isEmpty)
    }
}
#endif
