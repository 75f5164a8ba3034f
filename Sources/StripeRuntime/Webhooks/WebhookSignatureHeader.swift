/// The parts of a `Stripe-Signature` header: `t=<unix seconds>,v1=<hex>[,v1=<hex>…]`, with parts
/// of other schemes (such as `v0=`) ignored.
struct WebhookSignatureHeader: Sendable, Hashable {
    /// The signing time in unix seconds.
    let timestamp: Int64
    /// The `v1` signatures, decoded from hex; entries that are not valid hex are kept as empty
    /// arrays so that they count as present but can never match.
    let v1Signatures: [[UInt8]]

    /// Reads `header`, throwing `missingHeader` or `malformedHeader`.
    init(parsing header: String) throws {
        let trimmed = header.trimmingASCIIWhitespace()
        guard !trimmed.isEmpty else {
            throw WebhookVerificationError(.missingHeader, "The Stripe-Signature header is empty")
        }
        var timestamp: Int64?
        var signatures: [[UInt8]] = []
        for part in trimmed.split(separator: ",") {
            guard let equals = part.firstIndex(of: "=") else { continue }
            let name = String(part[..<equals]).trimmingASCIIWhitespace()
            let value = String(part[part.index(after: equals)...]).trimmingASCIIWhitespace()
            switch name {
            case "t":
                guard let seconds = Int64(value) else {
                    throw WebhookVerificationError(.malformedHeader, "The timestamp t=\(value.prefix(20)) is not a whole number")
                }
                timestamp = seconds
            case "v1":
                signatures.append(Hex.decode(value) ?? [])
            default:
                continue
            }
        }
        guard let timestamp else {
            throw WebhookVerificationError(.malformedHeader, "The Stripe-Signature header has no t= timestamp")
        }
        self.timestamp = timestamp
        self.v1Signatures = signatures
    }
}

/// Lower-case hexadecimal text for bytes, and back.
enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// The bytes as lower-case hex.
    static func encode<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var output: [UInt8] = []
        for byte in bytes {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The bytes of hex text (either case), or `nil` when it is not an even run of hex digits.
    static func decode(_ text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count / 2)
        var index = 0
        while index < utf8.count {
            guard let high = value(utf8[index]), let low = value(utf8[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func value(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension String {
    /// This text without leading and trailing spaces, tabs and line breaks.
    func trimmingASCIIWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
