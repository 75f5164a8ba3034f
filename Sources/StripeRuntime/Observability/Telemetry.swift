import Metrics
import Tracing

/// Where spans and metrics go: the tracer and metrics backend the application bootstrapped (read at each use), or
/// in-memory ones a test of this package hands in. With none bootstrapped no span or metric is even made.
package struct Telemetry: Sendable {
    /// The tracer spans start on; `nil` for the bootstrapped one (`InstrumentationSystem`).
    package var tracer: (any Tracer)?
    /// The factory metrics come from; `nil` for the bootstrapped one (`MetricsSystem`).
    package var metrics: (any MetricsFactory)?

    /// Telemetry to `tracer` and `metrics`, or to the bootstrapped ones where `nil`.
    package init(tracer: (any Tracer)? = nil, metrics: (any MetricsFactory)? = nil) {
        self.tracer = tracer
        self.metrics = metrics
    }

    /// Runs `body` in a span named `name`, ended when `body` returns or throws (the error is recorded on it).
    ///
    /// With no tracer bootstrapped (the no-op one) no span is started and `body` gets `nil`: a span nobody records
    /// would still cost a task-local context and its attributes on every request.
    package func withSpan<T>(
        _ name: String, ofKind kind: SpanKind = .internal, isolation: isolated (any Actor)? = #isolation,
        _ body: ((any Span)?) async throws -> T
    ) async rethrows -> T {
        let tracer: any Tracer = tracer ?? InstrumentationSystem.tracer
        if tracer is NoOpTracer { return try await body(nil) }
        return try await Self.withSpan(name, ofKind: kind, on: tracer, isolation: isolation, body)
    }

    /// `withSpan` on a tracer of a known type, so its spans can be handed to `body` as `any Span`.
    private static func withSpan<T, SomeTracer: Tracer>(
        _ name: String, ofKind kind: SpanKind, on tracer: SomeTracer, isolation: isolated (any Actor)?,
        _ body: ((any Span)?) async throws -> T
    ) async rethrows -> T {
        try await tracer.withSpan(name, ofKind: kind, isolation: isolation) { span in try await body(span) }
    }

    /// The factory metrics are made by, or `nil` when none is bootstrapped (the no-op one): then no metric is made.
    private var recordingMetrics: (any MetricsFactory)? {
        let factory = metrics ?? MetricsSystem.factory
        return factory is NOOPMetricsHandler ? nil : factory
    }

    /// Adds one to the counter `label` with `dimensions`.
    package func count(_ label: String, _ dimensions: @autoclosure () -> [(String, String)]) {
        guard let factory = recordingMetrics else { return }
        Counter(label: label, dimensions: dimensions(), factory: factory).increment()
    }

    /// Records `duration` on the timer `label` with `dimensions`.
    package func time(_ label: String, _ dimensions: @autoclosure () -> [(String, String)], _ duration: Duration) {
        guard let factory = recordingMetrics else { return }
        let timer = Timer(label: label, dimensions: dimensions(), preferredDisplayUnit: .seconds, factory: factory)
        let (seconds, attoseconds) = duration.components
        timer.recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
