import Crypto
import Foundation

/// The HMAC-SHA256 that Stripe's `v1` scheme signs: the key is the endpoint secret's text, the
/// message is `"<timestamp>.<payload>"`.
enum WebhookSigning {
    /// The MAC of `payload` signed at `timestamp` under `key`.
    static func mac(payload: Data, timestamp: Int64, key: SymmetricKey) -> HashedAuthenticationCode<SHA256> {
        var hmac = HMAC<SHA256>(key: key)
        hmac.update(data: Data(String(timestamp).utf8))
        hmac.update(data: Data(".".utf8))
        hmac.update(data: payload)
        return hmac.finalize()
    }

    /// Whether `mac` equals `expected`, taking the same time wherever they differ.
    static func constantTimeEquals(_ mac: HashedAuthenticationCode<SHA256>, _ expected: [UInt8]) -> Bool {
        mac.withUnsafeBytes { actual in
            guard actual.count == expected.count else { return false }
            var difference: UInt8 = 0
            for index in 0..<expected.count {
                difference |= actual[index] ^ expected[index]
            }
            return difference == 0
        }
    }
}

/// Produces valid `Stripe-Signature` headers, for testing webhook handlers without Stripe.
public struct WebhookSigner: Sendable, CustomStringConvertible {
    private let secret: SecretKey
    private let keyBytes: Data

    /// Signs with the endpoint secret `secret` (`whsec_…`).
    public init(secret: String) {
        self.secret = SecretKey(secret)
        self.keyBytes = Data(secret.utf8)
    }

    /// The lower-case hex `v1` signature of `payload` signed at `timestamp` (unix seconds).
    public func signature(for payload: Data, timestamp: Int64) -> String {
        Hex.encode(WebhookSigning.mac(payload: payload, timestamp: timestamp, key: SymmetricKey(data: keyBytes)))
    }

    /// A complete header value, `t=<timestamp>,v1=<signature>`.
    public func header(for payload: Data, timestamp: Date = Date()) -> String {
        let seconds = UnixTime.seconds(of: timestamp)
        return "t=\(seconds),v1=\(signature(for: payload, timestamp: seconds))"
    }

    /// The signer with its secret redacted.
    public var description: String { "WebhookSigner(secret: \(secret.redacted))" }
}
