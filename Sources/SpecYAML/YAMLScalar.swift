/// A scalar's text and how it was written; the style decides how a plain `200` or `true` is read.
public struct YAMLScalar: Sendable, Hashable {
    /// How the scalar appeared in the source.
    public enum Style: Sendable, Hashable {
        /// Unquoted, single-quoted, double-quoted, literal block (`|`) or folded block (`>`).
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The scalar's text after YAML unescaping and folding.
    public var text: String
    /// How the scalar was written.
    public var style: Style

    /// Creates a scalar of `text` written in `style` (plain by default).
    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    /// Whether the scalar is a YAML 1.1 null (`null`, `~`, `Null`, `NULL` or nothing, written plain).
    public var isNull: Bool {
        guard style == .plain else { return false }
        // Every null spelling is 0, 1 or 4 bytes long; checking the length first spares most texts any comparison.
        switch text.utf8.count {
        case 0: return true
        case 1, 4: break
        default: return false
        }
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// The scalar as a boolean, when it is a plain YAML 1.1 boolean.
    public var bool: Bool? {
        guard style == .plain, (2...5).contains(text.utf8.count) else { return nil }
        switch text {
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return true
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return false
        default: return nil
        }
    }

    /// The scalar as an integer, when it is a plain decimal integer.
    public var int: Int? {
        guard style == .plain else { return nil }
        return Int(text)
    }

    /// The scalar as a floating-point number, when it is a plain number.
    public var double: Double? {
        guard style == .plain, !text.isEmpty else { return nil }
        return Double(text)
    }

    /// Whether `text` is ASCII without any of the characters (`K`, `;`, `` ` ``) that a non-ASCII character is
    /// canonically equivalent to: such a text equals only texts with the same bytes, so only texts of its length.
    static func lengthDecidesEquality(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return true }
            return lengthDecidesEquality(base, count: bytes.count)
        } ?? false
    }

    /// ``lengthDecidesEquality(_:)`` of the text of `count` UTF-8 bytes, eight bytes at a time.
    static func lengthDecidesEquality(_ bytes: UnsafePointer<UInt8>, count: Int) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        /// Whether some byte of `word` is zero (exact: a borrow only spreads above a byte that is zero).
        func hasZero(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
        var index = 0
        while index + 8 <= count {
            let word = UnsafeRawPointer(bytes + index).loadUnaligned(as: UInt64.self)
            if word & highs != 0 || hasZero(word ^ (ones &* 0x4B)) || hasZero(word ^ (ones &* 0x3B))
                || hasZero(word ^ (ones &* 0x60)) {
                return false
            }
            index += 8
        }
        while index < count {
            let byte = bytes[index]
            if byte >= 0x80 || byte == UInt8(ascii: "K") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "`") {
                return false
            }
            index += 1
        }
        return true
    }

    /// Whether a plain scalar with this text would be read as something other than a string.
    /// The emitter quotes such strings so that a round trip keeps their type.
    public static func plainTextIsNotString(_ text: String) -> Bool {
        let plain = YAMLScalar(text)
        return plain.isNull || plain.bool != nil || plain.double != nil
    }
}
