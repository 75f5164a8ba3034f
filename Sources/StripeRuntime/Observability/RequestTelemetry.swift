import Tracing

/// What one request to Stripe leaves in traces and metrics: attributes on its span (never a secret or a body),
/// an event per retry, and its counters and duration once it ends. Without a span (no tracer) only the metrics.
struct RequestTelemetry {
    let operation: StripeOperation
    let span: (any Span)?
    let telemetry: Telemetry
    private let started = ContinuousClock.now

    /// Starts the record of `request`, about to be sent, on `span`.
    init(_ operation: StripeOperation, request: HTTPRequest, span: (any Span)?, telemetry: Telemetry) {
        self.operation = operation
        self.span = span
        self.telemetry = telemetry
        guard let span else { return }
        span.attributes["http.request.method"] = request.method.rawValue.uppercased()
        if !operation.pathTemplate.isEmpty { span.attributes["url.template"] = operation.pathTemplate }
        span.attributes["stripe.idempotency_key.present"] = request.headers["Idempotency-Key"] != nil
    }

    /// Notes that retry number `retry` (1 for the first) is about to be sent, and why.
    func retrying(_ retry: Int, reason: String) {
        span?.addEvent(SpanEvent(name: "retry", attributes: ["stripe.retry": .int64(Int64(retry)), "stripe.retry.reason": .string(reason)]))
        telemetry.count(StripeMetricLabels.retries, [("operation", operation.name)])
    }

    /// Records the request's end: the last answer's status (`nil` when none came) after `attempts` attempts.
    func finish(status: Int?, requestID: String?, attempts: Int) {
        if let span {
            span.attributes["stripe.attempts"] = attempts
            if let status { span.attributes["http.response.status_code"] = status }
            if let requestID { span.attributes["stripe.request_id"] = requestID }
            if status.map({ !(200..<300).contains($0) }) ?? true { span.setStatus(SpanStatus(code: .error)) }
        }
        telemetry.count(StripeMetricLabels.requests,
                        [("operation", operation.name), ("status", status.map { "\($0 / 100)xx" } ?? "error")])
        telemetry.time(StripeMetricLabels.requestDuration, [("operation", operation.name)], ContinuousClock.now - started)
    }
}
