import Crypto
import Foundation

/// Idempotency keys the workflows derive from an order: header-safe and at most 255 characters, whatever the
/// order reference holds, and the same for the same inputs on every server.
enum IdempotencyKey {
    /// The longest key Stripe accepts.
    static let maxLength = 255

    /// `prefix:reference:parts…`, with the reference written as-is when it is short plain ASCII and as a
    /// SHA-256 digest otherwise (non-ASCII, punctuation outside `-_.~`, or longer than 128 characters).
    static func make(_ prefix: String, order: OrderReference, _ parts: String...) -> String {
        ([prefix, referencePart(order.value)] + parts).joined(separator: ":")
    }

    static func referencePart(_ reference: String) -> String {
        let plain = reference.utf8.count <= 128 && reference.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "~")
        }
        if plain { return reference }
        return "sha256-" + CartFingerprint.hex(SHA256.hash(data: Data(reference.utf8)))
    }
}
