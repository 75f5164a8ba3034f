/// Settings for a single request that override the client's: idempotency key, connected account,
/// API key, timeout and retry count.
public struct RequestOptions: Sendable, CustomStringConvertible, CustomReflectable {
    /// The `Idempotency-Key` to send; POST requests get a random one when this is `nil`.
    public var idempotencyKey: String?
    /// The connected account to act for (`Stripe-Account`).
    public var stripeAccount: String?
    /// An API key to use instead of the client's; never printed in full.
    public var apiKey: String? {
        get { secretKey?.rawValue }
        set { secretKey = newValue.map(SecretKey.init) }
    }
    /// How long to wait for each attempt, instead of the client's timeout.
    public var timeout: Duration?
    /// How many times to retry, instead of the client's setting.
    public var maxNetworkRetries: Int?

    private(set) var secretKey: SecretKey?

    /// Creates options; every setting defaults to the client's.
    public init(
        idempotencyKey: String? = nil,
        stripeAccount: String? = nil,
        apiKey: String? = nil,
        timeout: Duration? = nil,
        maxNetworkRetries: Int? = nil
    ) {
        self.idempotencyKey = idempotencyKey
        self.stripeAccount = stripeAccount
        self.secretKey = apiKey.map(SecretKey.init)
        self.timeout = timeout
        self.maxNetworkRetries = maxNetworkRetries
    }

    /// The settings that are set, with the API key redacted.
    public var description: String {
        var parts: [String] = []
        if let idempotencyKey { parts.append("idempotencyKey: \(idempotencyKey)") }
        if let stripeAccount { parts.append("stripeAccount: \(stripeAccount)") }
        if let secretKey { parts.append("apiKey: \(secretKey.redacted)") }
        if let timeout { parts.append("timeout: \(timeout)") }
        if let maxNetworkRetries { parts.append("maxNetworkRetries: \(maxNetworkRetries)") }
        return "RequestOptions(\(parts.joined(separator: ", ")))"
    }

    /// A mirror that shows the API key only in redacted form.
    public var customMirror: Mirror {
        Mirror(self, children: [
            "idempotencyKey": idempotencyKey as Any,
            "stripeAccount": stripeAccount as Any,
            "apiKey": secretKey?.redacted as Any,
            "timeout": timeout as Any,
            "maxNetworkRetries": maxNetworkRetries as Any,
        ], displayStyle: .struct)
    }
}
