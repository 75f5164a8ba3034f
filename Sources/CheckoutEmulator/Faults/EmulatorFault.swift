#if Emulator
import Foundation

/// A failure the emulator injects into the next `count` requests whose method and path match,
/// so clients can be tested against lost answers, server errors, rate limits and slow answers.
///
/// As JSON (for `POST /_emulator/faults`):
/// `{"kind": "drop_connection", "method": "POST", "path_prefix": "/v1/checkout/sessions", "count": 1}`;
/// `delay` also takes `"delay_ms"`, and `rate_limit` takes `"sends_should_retry": false` to answer
/// without the `Stripe-Should-Retry` header (a plain rate limit, which clients must not retry).
public struct EmulatorFault: Sendable, Hashable, Codable {
    /// What goes wrong.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The request is carried out, then the connection is closed without an answer.
        case dropConnection = "drop_connection"
        /// A 500 `api_error` answer; nothing is carried out.
        case serverError = "server_error"
        /// A 429 answer, with `Stripe-Should-Retry: true` unless `sendsShouldRetry` is off; nothing is carried out.
        case rateLimit = "rate_limit"
        /// The request is held back for `delay` before it is carried out (after its idempotency key
        /// is claimed, so a second request with the key meanwhile finds it in use).
        case delay
    }

    /// What goes wrong.
    public var kind: Kind
    /// The HTTP method to match (`POST`, `GET`), or any when `nil`.
    public var method: String?
    /// The path prefix to match, e.g. `/v1/checkout/sessions`.
    public var pathPrefix: String
    /// How many matching requests are affected.
    public var count: Int
    /// For `delay`: how long to hold the answer.
    public var delay: Duration?
    /// For `rateLimit`: whether the 429 carries `Stripe-Should-Retry: true`.
    public var sendsShouldRetry: Bool

    /// Creates a fault for the next `count` requests matching `method` and `pathPrefix`.
    public init(_ kind: Kind, method: String? = nil, pathPrefix: String = "/v1/", count: Int = 1, delay: Duration? = nil,
                sendsShouldRetry: Bool = true) {
        self.kind = kind
        self.method = method?.uppercased()
        self.pathPrefix = pathPrefix
        self.count = count
        self.delay = delay
        self.sendsShouldRetry = sendsShouldRetry
    }

    enum CodingKeys: String, CodingKey {
        case kind, method, count
        case pathPrefix = "path_prefix"
        case delayMilliseconds = "delay_ms"
        case sendsShouldRetry = "sends_should_retry"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(Kind.self, forKey: .kind)
        method = try container.decodeIfPresent(String.self, forKey: .method)?.uppercased()
        pathPrefix = try container.decodeIfPresent(String.self, forKey: .pathPrefix) ?? "/v1/"
        count = try container.decodeIfPresent(Int.self, forKey: .count) ?? 1
        delay = try container.decodeIfPresent(Int.self, forKey: .delayMilliseconds).map { .milliseconds($0) }
        sendsShouldRetry = try container.decodeIfPresent(Bool.self, forKey: .sendsShouldRetry) ?? true
        if kind == .delay, delay == nil {
            throw DecodingError.keyNotFound(CodingKeys.delayMilliseconds, .init(
                codingPath: [], debugDescription: "A delay fault needs delay_ms"
            ))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encodeIfPresent(method, forKey: .method)
        try container.encode(pathPrefix, forKey: .pathPrefix)
        try container.encode(count, forKey: .count)
        if let delay {
            // A delay read from JSON always fits; one built in code may not, so the sum saturates.
            let parts = delay.components
            let seconds = parts.seconds.multipliedReportingOverflow(by: 1000)
            let total = seconds.partialValue.addingReportingOverflow(parts.attoseconds / 1_000_000_000_000_000)
            try container.encode(seconds.overflow || total.overflow ? Int64.max : total.partialValue, forKey: .delayMilliseconds)
        }
        if !sendsShouldRetry { try container.encode(false, forKey: .sendsShouldRetry) }
    }

    /// Whether this fault applies to a request.
    func matches(method: String, path: String) -> Bool {
        (self.method == nil || self.method == method) && path.hasPrefix(pathPrefix)
    }
}
#endif
