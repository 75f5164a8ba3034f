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
    /// The shop's public address, for Checkout's return links, the portal's way back and the shop's own redirects.
    public var publicURL: String
    /// The largest webhook body the shop reads, in bytes; a larger one is answered 413 and never verified.
    public var webhookBodyLimit: Int

    /// Settings for a shop reachable at `publicURL`.
    public init(stripeAPIKey: String, stripeBaseURL: URL = StripeConfiguration.stripeAPI, webhookSecret: String,
                publicURL: String, webhookBodyLimit: Int = 256 * 1024) {
        self.stripeAPIKey = stripeAPIKey
        self.stripeBaseURL = stripeBaseURL
        self.webhookSecret = webhookSecret
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        self.webhookBodyLimit = webhookBodyLimit
    }
}
