import Crypto

/// Turns any text (an order number, a customer's input, a long composite) into a valid
/// `Idempotency-Key`: printable ASCII of at most 255 characters, the same for the same text.
public enum IdempotencyKey {
    /// The longest key Stripe accepts.
    public static let maxLength = 255
    /// How much of a hashed text's printable beginning is kept, for recognising the key in logs.
    static let keptPrefixLength = 150

    /// `text` itself when it is already printable ASCII of at most ``maxLength`` characters;
    /// otherwise its printable ASCII beginning, a dash and the SHA-256 of the whole text in hex, so
    /// different texts keep different keys.
    public static func headerSafe(_ text: String) -> String {
        let printable = text.unicodeScalars.allSatisfy(isPrintableASCII)
        if printable, text.unicodeScalars.count <= maxLength {
            return text
        }
        let prefix = String(String.UnicodeScalarView(text.unicodeScalars.prefix(while: isPrintableASCII).prefix(keptPrefixLength)))
        let digest = SHA256.hash(data: Array(text.utf8))
        return (prefix.isEmpty ? "" : prefix + "-") + Hex.encode(digest)
    }

    private static func isPrintableASCII(_ scalar: Unicode.Scalar) -> Bool {
        (0x20...0x7E).contains(scalar.value)
    }
}
