import Crypto
import Foundation
import StripeCheckout
import StripeRuntime

/// A short digest of what a Checkout Session charges for: its line items (prices or price data, amounts,
/// quantities), currency and mode. Two requests with the same cart get the same fingerprint, so a refresh or a
/// double click finds the session already made for that cart instead of making another.
public struct CartFingerprint: Sendable, Hashable, CustomStringConvertible {
    /// The metadata key under which a session records the fingerprint of its cart.
    public static let metadataKey = "checkout_cart"

    /// 32 lowercase hexadecimal digits.
    public let value: String

    /// The fingerprint of the cart in `params`; the other parameters (URLs, metadata, customer) do not count.
    public init(_ params: CheckoutSessionsAPI.CreateParams) throws {
        let cart = Cart(lineItems: params.lineItems, mode: params.mode, currency: params.currency)
        let canonical = try FormEncoder().encodeBody(cart)
        value = Self.hex(SHA256.hash(data: Data(canonical.utf8)).prefix(16))
    }

    /// The fingerprint a session recorded in its metadata, if any.
    public init?(recordedIn session: CheckoutSession) {
        guard let recorded = session.metadata?[Self.metadataKey], !recorded.isEmpty else { return nil }
        value = recorded
    }

    public var description: String { value }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    /// The parts of the create parameters that decide what the customer pays.
    private struct Cart: Encodable {
        let lineItems: [CheckoutSessionsAPI.CreateParams.LineItem]?
        let mode: CheckoutSession.Mode?
        let currency: String?

        enum CodingKeys: String, CodingKey {
            case lineItems = "line_items", mode, currency
        }
    }
}
