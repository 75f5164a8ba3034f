#if Emulator
import Foundation

/// How to run an emulator: where to listen, which spec to validate against, where to deliver
/// webhooks and with which secret, and whether to keep state in a file.
public struct EmulatorConfiguration: Sendable {
    /// The address to listen on; loopback unless told otherwise.
    public var host: String
    /// The port; 0 picks a free one.
    public var port: Int
    /// The trimmed Checkout spec that requests are validated against.
    public var specPath: String
    /// OpenAPI Overlay files applied to the spec before it is read. `nil` applies the list filters shipped beside
    /// the spec (`overlays/checkout-list-filters.yaml`, when that file exists), so the emulator accepts what the
    /// bindings generated with them send.
    public var overlayPaths: [String]?
    /// Where `checkout.session.*` events are posted, if anywhere.
    public var webhookURL: URL?
    /// The endpoint secret (`whsec_…`) events are signed with.
    public var webhookSecret: String
    /// An SQLite file to keep the state in across restarts (a JSON state file of an earlier version is migrated);
    /// memory only when `nil`.
    public var statePath: String?
    /// The API keys accepted; when `nil`, any test-mode secret or restricted key is.
    public var apiKeys: Set<String>?
    /// How webhook deliveries are retried.
    public var webhookRetry: WebhookRetryPolicy
    /// Prices known from the start, for line items that name a price id.
    public var prices: [EmulatorPrice]
    /// The clock for `created` and `expires_at`.
    public var now: @Sendable () -> Date

    /// Creates a configuration; the defaults listen on 127.0.0.1 at a free port and keep state in memory.
    public init(
        host: String = "127.0.0.1",
        port: Int = 0,
        specPath: String = "Specs/checkout.yaml",
        overlayPaths: [String]? = nil,
        webhookURL: URL? = nil,
        webhookSecret: String = "whsec_emulator",
        statePath: String? = nil,
        apiKeys: Set<String>? = nil,
        webhookRetry: WebhookRetryPolicy = WebhookRetryPolicy(),
        prices: [EmulatorPrice] = [],
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.host = host
        self.port = port
        self.specPath = specPath
        self.overlayPaths = overlayPaths
        self.webhookURL = webhookURL
        self.webhookSecret = webhookSecret
        self.statePath = statePath
        self.apiKeys = apiKeys
        self.webhookRetry = webhookRetry
        self.prices = prices
        self.now = now
    }
}

extension EmulatorConfiguration {
    /// The overlays applied to the spec: ``overlayPaths``, or the shipped list filters beside the spec when present.
    var resolvedOverlayPaths: [String] {
        if let overlayPaths { return overlayPaths }
        let shipped = URL(fileURLWithPath: specPath).deletingLastPathComponent()
            .appendingPathComponent("overlays/checkout-list-filters.yaml").path
        return FileManager.default.fileExists(atPath: shipped) ? [shipped] : []
    }
}

/// A price the emulator knows by id, as `Price` objects are created in the Dashboard or API.
public struct EmulatorPrice: Sendable, Hashable, Codable {
    /// The id line items use, e.g. `price_basic`; one is made up when `nil`.
    public var id: String?
    /// Three-letter currency code, lower case.
    public var currency: String
    /// The amount in the currency's smallest unit.
    public var unitAmount: Int
    /// The product's name, shown as the line item's description.
    public var productName: String
    /// `day`, `week`, `month` or `year` for a recurring price; one-time when `nil`.
    public var recurringInterval: String?

    /// Creates a price.
    public init(id: String? = nil, currency: String = "usd", unitAmount: Int, productName: String = "Emulated product",
                recurringInterval: String? = nil) {
        self.id = id
        self.currency = currency
        self.unitAmount = unitAmount
        self.productName = productName
        self.recurringInterval = recurringInterval
    }

    enum CodingKeys: String, CodingKey {
        case id, currency
        case unitAmount = "unit_amount"
        case productName = "product_name"
        case recurringInterval = "recurring_interval"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        currency = try container.decodeIfPresent(String.self, forKey: .currency) ?? "usd"
        unitAmount = try container.decode(Int.self, forKey: .unitAmount)
        productName = try container.decodeIfPresent(String.self, forKey: .productName) ?? "Emulated product"
        recurringInterval = try container.decodeIfPresent(String.self, forKey: .recurringInterval)
    }
}
#endif
