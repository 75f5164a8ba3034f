#if Emulator
import Foundation
import StripeRuntime

/// Reads the API key from `Authorization` (Bearer, or Basic with the key as user name) and
/// decides whether it is accepted, answering as Stripe does when it is not.
struct Authentication: Sendable {
    /// Accepted keys; any test-mode secret or restricted key when `nil`.
    let keys: Set<String>?

    /// The accepted key, or the 401 answer.
    func authenticate(_ headers: HTTPHeaders) -> Result<String, APIError> {
        guard let header = headers["Authorization"]?.trimmingCharacters(in: .whitespaces), !header.isEmpty else {
            return .failure(unauthorized(
                "You did not provide an API key. You need to provide your API key in the Authorization header, "
                    + "using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY')."
            ))
        }
        let key: String
        if header.lowercased().hasPrefix("bearer ") {
            key = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
        } else if header.lowercased().hasPrefix("basic "),
                  let decoded = Data(base64Encoded: String(header.dropFirst("basic ".count))) {
            key = String(String(decoding: decoded, as: UTF8.self).prefix { $0 != ":" })
        } else {
            return .failure(unauthorized("Invalid Authorization header: use Bearer auth with your secret key."))
        }
        let accepted = keys.map { $0.contains(key) } ?? (key.hasPrefix("sk_test_") || key.hasPrefix("rk_test_"))
        guard accepted, key.count > 8 else {
            return .failure(unauthorized("Invalid API Key provided: \(Self.masked(key))"))
        }
        return .success(key)
    }

    private func unauthorized(_ message: String) -> APIError {
        APIError(status: 401, type: "invalid_request_error", message: message,
                 headers: ["WWW-Authenticate": "Bearer realm=\"Stripe\""])
    }

    /// The key as Stripe echoes it: the prefix, stars, and the last four characters.
    static func masked(_ key: String) -> String {
        let prefix = ["sk_test_", "rk_test_", "sk_live_", "rk_live_"].first { key.hasPrefix($0) } ?? ""
        return prefix + "*********" + String(key.suffix(4))
    }

    /// A stable, non-reversible label for a key, used to scope idempotency keys per API key.
    static func scope(of key: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
#endif
