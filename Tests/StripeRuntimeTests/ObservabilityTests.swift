import Foundation
import InMemoryTracing
import Metrics
import MetricsTestKit
import Testing
import Tracing
@testable import StripeRuntime

/// Each request to Stripe is one client span named after its operation, with its retries as events, and is counted
/// and timed; nothing secret reaches either.
@Suite struct ObservabilityTests {
    private let key = "sk_test_51AbCdEfGhIjKlMnOpQr4242"
    private let tracer = InMemoryTracer()
    private let metrics = TestMetrics()
    private let update = StripeOperation("widgets.update", pathTemplate: "/v1/widgets/{widget}")

    private func client(_ transport: RecordingTransport) -> StripeClient {
        var configuration = StripeConfiguration.testing()
        configuration.telemetry = Telemetry(tracer: tracer, metrics: metrics)
        return StripeClient(apiKey: key, configuration: configuration, transport: transport)
    }

    private func counter(_ label: String, _ dimensions: [(String, String)]) throws -> Int64 {
        try metrics.expectCounter(label, dimensions).totalValue
    }

    @Test func aRetriedRequestIsOneSpanWithItsRetryAsAnEvent() async throws {
        let transport = RecordingTransport([
            .success(.json(500, #"{"error":{"type":"api_error","message":"try again"}}"#)),
            .success(.json(200, #"{"id":"cs_1","object":"checkout.session"}"#, headers: ["Request-Id": "req_abc"])),
        ])
        let session: SampleSession = try await client(transport).perform(
            .post, "/v1/widgets/w_1", params: SampleSessionParams(clientReferenceID: "order_42"), operation: update)
        #expect(session.id == "cs_1")

        let spans = tracer.finishedSpans
        #expect(spans.map(\.operationName) == ["widgets.update"])
        let span = try #require(spans.first)
        #expect(span.kind == .client)
        #expect(span.attributes.get("http.request.method") == .string("POST"))
        #expect(span.attributes.get("url.template") == .string("/v1/widgets/{widget}"))
        #expect(span.attributes.get("http.response.status_code") == .int64(200))
        #expect(span.attributes.get("stripe.request_id") == .string("req_abc"))
        #expect(span.attributes.get("stripe.attempts") == .int64(2))
        #expect(span.attributes.get("stripe.idempotency_key.present") == .bool(true))
        #expect(span.events.map(\.name) == ["retry"])
        #expect(span.events.first?.attributes.get("stripe.retry.reason") == .string("status 500"))
        #expect(span.status?.code != .error)

        #expect(try counter(StripeMetricLabels.requests, [("operation", "widgets.update"), ("status", "2xx")]) == 1)
        #expect(try counter(StripeMetricLabels.retries, [("operation", "widgets.update")]) == 1)
        #expect(try metrics.expectTimer(StripeMetricLabels.requestDuration, [("operation", "widgets.update")]).values.count == 1)
    }

    @Test func anErrorAnswerMarksTheSpanAndIsCountedByStatusClass() async throws {
        let transport = RecordingTransport([
            .success(.json(402, #"{"error":{"type":"card_error","message":"declined for sk_test_51AbCdEfGhIjKlMnOpQr4242"}}"#)),
        ])
        await #expect(throws: StripeError.self) {
            let _: SampleSession = try await client(transport).perform(
                .post, "/v1/widgets/w_1", params: SampleSessionParams(clientReferenceID: "order_42"), operation: update)
        }
        let span = try #require(tracer.finishedSpans.first)
        #expect(span.status?.code == .error)
        #expect(span.attributes.get("http.response.status_code") == .int64(402))
        #expect(span.attributes.get("stripe.attempts") == .int64(1))
        #expect(try counter(StripeMetricLabels.requests, [("operation", "widgets.update"), ("status", "4xx")]) == 1)
        // The error recorded on the span is the redacted one: no attribute, event or error names the key.
        var texts: [String] = span.errors.map { String(describing: $0.error) }
        span.attributes.forEach { texts.append("\($0)=\($1)") }
        texts += span.events.map { "\($0)" }
        #expect(!texts.isEmpty)
        #expect(texts.allSatisfy { !$0.contains(key) && !$0.contains("order_42") })
    }

    @Test func noAnswerAtAllIsCountedAsAnError() async throws {
        let transport = RecordingTransport([
            .failure(.connection("refused")), .failure(.connection("refused")), .failure(.connection("refused")),
        ])
        await #expect(throws: StripeError.self) {
            let _: SampleSession = try await client(transport).perform(
                .get, "/v1/widgets/w_1", params: SampleListParams(limit: 1), operation: update)
        }
        let span = try #require(tracer.finishedSpans.first)
        #expect(span.attributes.get("http.response.status_code") == nil)
        #expect(span.attributes.get("stripe.attempts") == .int64(3))
        #expect(span.attributes.get("stripe.idempotency_key.present") == .bool(false))
        #expect(span.events.count == 2)
        #expect(try counter(StripeMetricLabels.requests, [("operation", "widgets.update"), ("status", "error")]) == 1)
        #expect(try counter(StripeMetricLabels.retries, [("operation", "widgets.update")]) == 2)
    }

    @Test func aRequestIsAChildOfTheSpanThatMadeIt() async throws {
        let transport = RecordingTransport([.success(.json(200, #"{"id":"cs_1","object":"checkout.session"}"#))])
        let stripe = client(transport)
        try await Telemetry(tracer: tracer).withSpan("GET /orders/{id}") { _ in
            let _: SampleSession = try await stripe.perform(
                .get, "/v1/widgets/w_1", params: SampleListParams(limit: 1), operation: update)
        }
        let spans = tracer.finishedSpans
        let request = try #require(spans.first { $0.operationName == "widgets.update" })
        let parent = try #require(spans.first { $0.operationName == "GET /orders/{id}" })
        #expect(request.parentSpanID == parent.spanID)
        #expect(request.traceID == parent.traceID)
    }

    @Test func aCallWithoutAnOperationIsRecordedUnnamedWithoutItsPath() async throws {
        let transport = RecordingTransport([.success(.json(200, #"{"id":"cs_1","object":"checkout.session"}"#))])
        let _: SampleSession = try await client(transport).perform(
            .get, "/v1/widgets/w_secret_id", params: SampleListParams(limit: 1))
        let span = try #require(tracer.finishedSpans.first)
        #expect(span.operationName == "stripe.request")
        #expect(span.attributes.get("url.template") == nil)
        #expect(try counter(StripeMetricLabels.requests, [("operation", "stripe.request"), ("status", "2xx")]) == 1)
    }

    @Test func withNoBackendNoSpanIsStartedAndTheRequestStillGoesThrough() async throws {
        let transport = RecordingTransport([.success(.json(200, #"{"id":"cs_1","object":"checkout.session"}"#))])
        var configuration = StripeConfiguration.testing()
        configuration.telemetry = Telemetry(tracer: NoOpTracer(), metrics: NOOPMetricsHandler.instance)
        let stripe = StripeClient(apiKey: key, configuration: configuration, transport: transport)
        let spanGiven = await configuration.telemetry.withSpan("checkout") { span in span != nil }
        let session: SampleSession = try await stripe.perform(
            .get, "/v1/widgets/w_1", params: SampleListParams(limit: 1), operation: update)
        #expect(!spanGiven)
        #expect(session.id == "cs_1")
        #expect(transport.requests.count == 1)
        let recording = await Telemetry(tracer: tracer).withSpan("checkout") { span in span != nil }
        #expect(recording)
    }
}
