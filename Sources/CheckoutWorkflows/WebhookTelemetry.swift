import StripeRuntime
import Tracing

/// A delivery that failed verification, and the outcome to answer it with.
struct WebhookRejection: Error {
    let outcome: WebhookOutcome
}

/// What one webhook delivery leaves in traces and metrics: its outcome on its span, and a count by event type and
/// outcome.
enum WebhookTelemetry {
    /// Records `outcome` of a delivery of an event of `type` (`nil` when it was not verified).
    static func record(_ outcome: WebhookOutcome, type: String?, on span: (any Span)?, _ telemetry: Telemetry) {
        if let span {
            span.attributes["stripe.webhook.outcome"] = outcome.telemetryName
            if case .duplicate = outcome {
                span.attributes["stripe.webhook.duplicate"] = true
            } else {
                span.attributes["stripe.webhook.duplicate"] = false
            }
            if outcome.httpStatus != 200 { span.setStatus(SpanStatus(code: .error)) }
        }
        telemetry.count(StripeMetricLabels.webhookEvents, [("type", type ?? "unknown"), ("outcome", outcome.telemetryName)])
    }
}

extension WebhookOutcome {
    /// The outcome as spans and metrics name it: `handled`, `duplicate`, `ignored`, `rejected`, `undecodable`,
    /// `acknowledged_undecodable` or `failed`.
    var telemetryName: String {
        switch self {
        case .handled: "handled"
        case .duplicate: "duplicate"
        case .ignored: "ignored"
        case .rejected: "rejected"
        case .undecodable: "undecodable"
        case .acknowledgedUndecodable: "acknowledged_undecodable"
        case .failed: "failed"
        }
    }
}
