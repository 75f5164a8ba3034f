import Foundation

/// A failure the emulator injects into the next `count` requests whose method and path match,
/// so clients can be tested against lost answers, server errors, rate limits and slow answers.
///
/// As JSON (for `POST /_emulator/faults`):
/// `{"kind": "drop_connection", "method": "POST", "path_prefix": "/v1/checkout/sessions", "count": 1}`;
/// `delay` also takes `"delay_ms"`.
public struct EmulatorFault: Sendable, Hashable, Codable {
    /// What goes wrong.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The request is carried out, then the connection is closed without an answer.
        case dropConnection = "drop_connection"
        /// A 500 `api_error` answer; nothing is carried out.
        case serverError = "server_error"
        /// A 429 answer with `Stripe-Should-Retry: true`; nothing is carried out.
        case rateLimit = "rate_limit"
        /// The answer is held back for `delay` before the request is carried out.
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

    /// Creates a fault for the next `count` requests matching `method` and `pathPrefix`.
    public init(_ kind: Kind, method: String? = nil, pathPrefix: String = "/v1/", count: Int = 1, delay: Duration? = nil) {
        self.kind = kind
        self.method = method?.uppercased()
        self.pathPrefix = pathPrefix
        self.count = count
        self.delay = delay
    }

    enum CodingKeys: String, CodingKey {
        case kind, method, count
        case pathPrefix = "path_prefix"
        case delayMilliseconds = "delay_ms"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(Kind.self, forKey: .kind)
        method = try container.decodeIfPresent(String.self, forKey: .method)?.uppercased()
        pathPrefix = try container.decodeIfPresent(String.self, forKey: .pathPrefix) ?? "/v1/"
        count = try container.decodeIfPresent(Int.self, forKey: .count) ?? 1
        delay = try container.decodeIfPresent(Int.self, forKey: .delayMilliseconds).map { .milliseconds($0) }
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
            let parts = delay.components
            try container.encode(parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000, forKey: .delayMilliseconds)
        }
    }

    /// Whether this fault applies to a request.
    func matches(method: String, path: String) -> Bool {
        (self.method == nil || self.method == method) && path.hasPrefix(pathPrefix)
    }
}
