/// Checks the header values a request is about to carry: a CR or LF would let a value start a new
/// header (or end the header block), and other control characters are rejected by servers and proxies.
enum HeaderValueCheck {
    /// The longest `Idempotency-Key` Stripe accepts.
    static let idempotencyKeyMaxLength = 255

    /// Throws an `invalidParameter` `StripeError` naming the first header whose value holds a
    /// control character (or an idempotency key that is too long), before anything is sent.
    /// The value itself is not quoted: it may be a secret.
    static func check(_ headers: HTTPHeaders) throws(StripeError) {
        for field in headers {
            if let offset = firstControlCharacter(in: field.value) {
                let scalar = field.value.unicodeScalars[field.value.unicodeScalars.index(
                    field.value.unicodeScalars.startIndex, offsetBy: offset)]
                throw StripeError(
                    kind: .invalidParameter,
                    message: "The \(field.name) header value contains the control character "
                        + "\(codePoint(scalar)) at position \(offset); header values must not contain CR, LF or other control characters"
                )
            }
        }
        if let key = headers["Idempotency-Key"], key.count > idempotencyKeyMaxLength {
            throw StripeError(
                kind: .invalidParameter,
                message: "The Idempotency-Key header is \(key.count) characters long; Stripe accepts at most \(idempotencyKeyMaxLength) "
                    + "(IdempotencyKey.headerSafe(_:) shortens any text to a valid key)"
            )
        }
    }

    /// The position (in Unicode scalars) of the first C0 control character, DEL or C1 control character.
    static func firstControlCharacter(in value: String) -> Int? {
        value.unicodeScalars.firstIndex(where: isControl).map {
            value.unicodeScalars.distance(from: value.unicodeScalars.startIndex, to: $0)
        }
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    private static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
