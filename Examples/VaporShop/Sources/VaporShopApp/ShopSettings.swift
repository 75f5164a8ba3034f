import CheckoutWorkflows
import Foundation
import StripeRuntime

/// What the shop needs to run: where Stripe is, the keys, where the customer returns to, and how large a
/// webhook body may be.
public struct ShopSettings: Sendable {
    /// The secret key the shop calls Stripe (or the emulator) with.
    public var stripeAPIKey: String
    /// Where Stripe's API is: Stripe itself, or a local emulator.
    public var stripeBaseURL: URL
    /// The endpoint's signing secret (`whsec_…`) that webhook signatures are checked against.
    public var webhookSecret: String
    /// The shop's public address, for Checkout's success and cancel links and the shop's own redirects.
    public var publicURL: String
    /// The largest webhook body the shop reads, in bytes; a larger one is answered 413 and never verified.
    public var webhookBodyLimit: Int

    /// Settings for a shop reachable at `publicURL`.
    public init(stripeAPIKey: String, stripeBaseURL: URL = StripeConfiguration.stripeAPI, webhookSecret: String,
                publicURL: String, webhookBodyLimit: Int = 256 * 1024) {
        self.stripeAPIKey = stripeAPIKey
        self.stripeBaseURL = stripeBaseURL
        self.webhookSecret = webhookSecret
        self.publicURL = publicURL
        self.webhookBodyLimit = webhookBodyLimit
    }
}

/// Where the shop keeps what must hold across requests: the per-order lock, the session index and the handled
/// webhook events. In memory by default (one server); `CheckoutWorkflowsPostgres` has shared ones.
public struct ShopStores: Sendable {
    /// Serialises checkout per order, so two requests never make two sessions for one cart.
    public var lock: any OrderLock
    /// Remembers each order's sessions, so checkout finds them without listing Stripe's.
    public var index: (any CheckoutSessionIndex)?
    /// The webhook events already handled, so a redelivery runs nothing twice.
    public var events: any ProcessedEventStore

    /// In-memory stores unless others are given.
    public init(lock: any OrderLock = InProcessOrderLock(), index: (any CheckoutSessionIndex)? = nil,
                events: any ProcessedEventStore = InMemoryProcessedEventStore()) {
        self.lock = lock
        self.index = index
        self.events = events
    }
}
