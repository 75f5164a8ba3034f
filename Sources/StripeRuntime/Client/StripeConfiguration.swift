import Foundation
import Logging

/// Client-wide settings: where to send requests, which API version to pin, how to retry, how long
/// to wait and where to log. Holds no secrets.
public struct StripeConfiguration: Sendable, CustomStringConvertible {
    /// The API's root, `https://api.stripe.com` unless pointed at a local server.
    public var baseURL: URL
    /// The `Stripe-Version` to pin, or `nil` for the account's default version.
    public var apiVersion: String?
    /// How many times a failed request is retried (not counting the first attempt).
    public var maxNetworkRetries: Int
    /// The waits between retries.
    public var backoff: RetryBackoff
    /// How long to wait for each attempt.
    public var timeout: Duration
    /// Where requests, answers and retries are logged; silent unless replaced.
    public var logger: Logger
    /// The `User-Agent` header.
    public var userAgent: String
    /// Waits between retries; replace it in tests to skip or record the waits.
    public var sleep: @Sendable (Duration) async throws -> Void
    /// A source of random values in `0..<1` for retry jitter; replace it for repeatable tests.
    public var random: @Sendable () -> Double
    /// How responses treat required fields they lack: `.tolerant` (the default) decodes them as `nil` and lists
    /// them in the object's `missingRequiredFields`; `.strict` fails the call with a `decoding` error.
    public var requiredFields: RequiredFieldPolicy = .tolerant
    /// Where requests' spans and metrics go: by default the application's bootstrapped tracer and metrics backend.
    package var telemetry = Telemetry()

    /// The public API's address.
    public static let stripeAPI = URL(string: "https://api.stripe.com")!
    /// The default `User-Agent`, naming this package and its version.
    public static let defaultUserAgent = "StripeCheckout/0.1"

    /// Creates a configuration; the defaults match Stripe's own libraries (two retries, 80 s).
    public init(
        baseURL: URL = StripeConfiguration.stripeAPI,
        apiVersion: String? = nil,
        maxNetworkRetries: Int = 2,
        backoff: RetryBackoff = RetryBackoff(),
        timeout: Duration = .seconds(80),
        logger: Logger = Logger(label: "StripeCheckout", factory: { _ in SwiftLogNoOpLogHandler() }),
        userAgent: String = StripeConfiguration.defaultUserAgent,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.baseURL = baseURL
        self.apiVersion = apiVersion
        self.maxNetworkRetries = maxNetworkRetries
        self.backoff = backoff
        self.timeout = timeout
        self.logger = logger
        self.userAgent = userAgent
        self.sleep = sleep
        self.random = random
    }

    /// The main settings on one line.
    public var description: String {
        "StripeConfiguration(baseURL: \(baseURL.absoluteString), apiVersion: \(apiVersion ?? "account default"), "
            + "maxNetworkRetries: \(maxNetworkRetries), timeout: \(timeout), userAgent: \(userAgent))"
    }
}
