/// An API key that never shows itself: printing, debugging or dumping it gives a redacted form
/// such as `sk_test_…4242`.
struct SecretKey: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The key itself, for the `Authorization` header only.
    let rawValue: String

    init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// The redacted form.
    var redacted: String { SecretKey.redact(rawValue) }

    var description: String { redacted }
    var debugDescription: String { redacted }
    var customMirror: Mirror { Mirror(self, children: ["redacted": redacted], displayStyle: .struct) }

    /// Keeps a known prefix (`sk_live_`, `rk_test_`, `whsec_`…) and the last four characters;
    /// short or unfamiliar keys keep only the last four when that still hides most of the key.
    static func redact(_ key: String) -> String {
        let prefixes = ["sk_live_", "sk_test_", "rk_live_", "rk_test_", "pk_live_", "pk_test_", "whsec_"]
        let prefix = prefixes.first { key.hasPrefix($0) } ?? ""
        let rest = key.dropFirst(prefix.count)
        let tail = rest.count >= 12 ? String(rest.suffix(4)) : ""
        return prefix + "…" + tail
    }
}

extension String {
    /// This text with every occurrence of `secret` replaced by its redacted form.
    func redacting(_ secret: SecretKey) -> String {
        guard !secret.rawValue.isEmpty, contains(secret.rawValue) else { return self }
        return replacingOccurrences(of: secret.rawValue, with: secret.redacted)
    }
}
