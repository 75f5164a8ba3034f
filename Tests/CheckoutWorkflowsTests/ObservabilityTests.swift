#if Emulator
import CheckoutEmulator
import CheckoutWorkflows
import Foundation
import InMemoryTracing
import MetricsTestKit
import StripeCheckout
import StripeRuntime
import Testing
import Tracing

/// The order-level call and each webhook delivery are spans of their own, with the requests they make inside, and
/// webhook outcomes and double payments are counted.
@Suite("Traces and metrics of checkout and webhooks")
struct WorkflowObservabilityTests {
    private static let secret = "whsec_observability"
    private let signer = WebhookSigner(secret: Self.secret)
    private let tracer = InMemoryTracer()
    private let metrics = TestMetrics()

    /// Workflows on `emulator` whose spans and metrics go to this test's tracer and metrics.
    private func workflows(on emulator: CheckoutEmulator) -> CheckoutWorkflows {
        var configuration = StripeConfiguration(baseURL: emulator.baseURL)
        configuration.sleep = { _ in }
        configuration.timeout = .seconds(5)
        configuration.telemetry = Telemetry(tracer: tracer, metrics: metrics)
        return CheckoutWorkflows(stripe: StripeClient(apiKey: "sk_test_observability", configuration: configuration))
    }

    private func webhookCount(_ type: String, _ outcome: String) throws -> Int64 {
        try metrics.expectCounter(StripeMetricLabels.webhookEvents, [("type", type), ("outcome", outcome)]).totalValue
    }

    @Test("checkout is a span carrying its decision, and the requests it makes are its children")
    func checkoutSpan() async throws {
        let harness = try await WorkflowHarness.start()
        let workflows = workflows(on: harness.emulator)
        let order = try OrderReference("order-traced")
        let first = try await workflows.checkout(order, orderParams())
        _ = try await harness.emulator.complete(sessionID: first.session.id)
        let second = try await workflows.checkout(order, orderParams())
        await harness.stop()
        guard case .pay = first, case .alreadyPaid = second else {
            Issue.record("expected pay, then already paid: \(first), \(second)")
            return
        }

        let spans = tracer.finishedSpans
        let checkouts = spans.filter { $0.operationName == "checkout_workflows.checkout" }
        #expect(checkouts.map { $0.attributes.get("checkout.decision") } == [.string("pay"), .string("already_paid")])
        #expect(checkouts.allSatisfy { $0.attributes.get("checkout.order") == .string("order-traced") })
        let firstCall = try #require(checkouts.first)
        let requests = spans.filter { $0.parentSpanID == firstCall.spanID }.map(\.operationName)
        #expect(requests.contains("checkout.sessions.create"))
        #expect(requests.contains("checkout.sessions.list"))
        #expect(spans.filter { $0.operationName == "checkout.sessions.create" }.count == 1)
        let created = try metrics.expectCounter(
            StripeMetricLabels.requests, [("operation", "checkout.sessions.create"), ("status", "2xx")])
        #expect(created.totalValue == 1)
    }

    @Test("each delivery is a span with a verification span inside, counted by event type and outcome")
    func webhookSpans() async throws {
        let harness = try await WorkflowHarness.start()
        let workflows = workflows(on: harness.emulator)
        let session = try await workflows.checkout(try OrderReference("order-hooked"), orderParams()).session
        let paid = try await harness.emulator.complete(sessionID: session.id)
        await harness.stop()
        let handler = CheckoutWebhookHandler(verifier: WebhookVerifier(secret: Self.secret))
            .onCompleted { _, _ in }
        var traced = handler
        traced.telemetry = Telemetry(tracer: tracer, metrics: metrics)
        let (payload, header) = try signedCompletedEvent("evt_traced", paid, signer: signer)

        let outcomes = [
            await traced.handle(payload: payload, signatureHeader: header),
            await traced.handle(payload: payload, signatureHeader: header),
            await traced.handle(payload: payload, signatureHeader: "t=1,v1=forged"),
        ]
        #expect(outcomes.map(\.httpStatus) == [200, 200, 400])

        let spans = tracer.finishedSpans
        let deliveries = spans.filter { $0.operationName == "stripe.webhook" }
        #expect(deliveries.map { $0.attributes.get("stripe.webhook.outcome") }
                == [.string("handled"), .string("duplicate"), .string("rejected")])
        #expect(deliveries.map { $0.attributes.get("stripe.webhook.duplicate") } == [.bool(false), .bool(true), .bool(false)])
        #expect(deliveries.prefix(2).allSatisfy { $0.attributes.get("stripe.event.type") == .string("checkout.session.completed") })
        #expect(deliveries.last?.attributes.get("stripe.event.type") == nil)
        #expect(deliveries.last?.status?.code == .error)
        for delivery in deliveries {
            #expect(spans.filter { $0.parentSpanID == delivery.spanID }.map(\.operationName) == ["stripe.webhook.verify"])
        }
        #expect(try webhookCount("checkout.session.completed", "handled") == 1)
        #expect(try webhookCount("checkout.session.completed", "duplicate") == 1)
        #expect(try webhookCount("unknown", "rejected") == 1)
    }

    @Test("an order paid twice is counted when found and when refunded")
    func duplicatePaymentCounts() async throws {
        let harness = try await WorkflowHarness.start()
        let workflows = workflows(on: harness.emulator)
        let order = try OrderReference("order-counted-twice")
        let first = try await workflows.checkout(order, orderParams()).session
        let second = try await workflows.stripe.checkout.sessions.create(orderParams(amount: 1_300, reference: order.value))
        _ = try await harness.emulator.complete(sessionID: first.id)
        let secondPaid = try await harness.emulator.complete(sessionID: second.id)
        let handler = CheckoutWebhookHandler(verifier: WebhookVerifier(secret: Self.secret), workflows: workflows)
            .onDuplicatePayment { payment in _ = try await workflows.refundDuplicatePayment(payment.duplicate) }
        let (payload, header) = try signedCompletedEvent("evt_second", secondPaid, signer: signer)
        let outcomes = [
            await handler.handle(payload: payload, signatureHeader: header),
            await handler.handle(payload: payload, signatureHeader: header),
        ]
        await harness.stop()

        #expect(outcomes.map(\.httpStatus) == [200, 200])
        let found = try metrics.expectCounter(StripeMetricLabels.duplicatePayments, [("outcome", "found")])
        let refunded = try metrics.expectCounter(StripeMetricLabels.duplicatePayments, [("outcome", "refunded")])
        #expect(found.totalValue == 1)
        #expect(refunded.totalValue == 1)
    }
}
#endif
