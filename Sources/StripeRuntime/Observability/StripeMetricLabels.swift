/// The labels of the metrics the package records through swift-metrics, and of their dimensions. Nothing is
/// recorded until the application bootstraps a metrics backend (`MetricsSystem.bootstrap`).
public enum StripeMetricLabels {
    /// Counter of requests to Stripe, by `operation` and `status` (`2xx`, `4xx`, `5xx`, or `error` when no answer came).
    public static let requests = "stripe_requests"
    /// Timer of a request from its first attempt to its last answer, retries included, by `operation`.
    public static let requestDuration = "stripe_request_duration"
    /// Counter of retried attempts, by `operation`.
    public static let retries = "stripe_request_retries"
    /// Counter of webhook deliveries, by event `type` (`unknown` before verification) and `outcome` (`handled`,
    /// `duplicate`, `ignored`, `rejected`, `undecodable`, `acknowledged_undecodable`, `failed`).
    public static let webhookEvents = "stripe_webhook_events"
    /// Counter of orders paid twice, by `outcome`: `found` when a duplicate is first reported, `refunded` when its
    /// refund succeeds.
    public static let duplicatePayments = "stripe_duplicate_payments"
}
