import Foundation

/// The entry point to the API: holds the key, the configuration and the transport, and performs
/// requests for the generated resource namespaces.
///
/// Printing, debugging or dumping a client shows the key only in redacted form (`sk_test_…4242`).
public struct StripeClient: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let secretKey: SecretKey
    /// The settings this client uses.
    public let configuration: StripeConfiguration
    /// The transport requests go through.
    public let transport: any HTTPTransport

    /// Creates a client with a secret or restricted key; `transport` defaults to URLSession.
    public init(apiKey: String, configuration: StripeConfiguration = StripeConfiguration(), transport: (any HTTPTransport)? = nil) {
        self.secretKey = SecretKey(apiKey)
        self.configuration = configuration
        self.transport = transport ?? URLSessionTransport()
    }

    /// Creates a client pinned to `apiVersion`, the version the bindings were generated for.
    public init(
        apiKey: String,
        apiVersion: String?,
        configuration: StripeConfiguration = StripeConfiguration(),
        transport: (any HTTPTransport)? = nil
    ) {
        var configuration = configuration
        configuration.apiVersion = apiVersion
        self.init(apiKey: apiKey, configuration: configuration, transport: transport)
    }

    /// The key in redacted form, safe to print.
    public var redactedAPIKey: String { secretKey.redacted }

    /// The key (redacted), the configuration and the transport's type.
    public var description: String {
        "StripeClient(apiKey: \(secretKey.redacted), \(configuration), transport: \(type(of: transport)))"
    }

    /// Same as `description`.
    public var debugDescription: String { description }

    /// A mirror that never exposes the key.
    public var customMirror: Mirror {
        Mirror(self, children: [
            "apiKey": secretKey.redacted,
            "configuration": configuration,
            "transport": String(describing: type(of: transport)),
        ], displayStyle: .struct)
    }

    /// Percent-encodes an object id for use as one segment of a request path.
    public static func pathSegment(_ id: String) -> String {
        PercentEncoding.encode(id)
    }
}
