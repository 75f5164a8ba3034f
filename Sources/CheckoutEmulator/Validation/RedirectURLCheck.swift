#if Emulator
import Foundation

/// Stripe's rule for a URL a customer's browser is sent to, such as a session's `success_url` and `cancel_url`:
/// it must be an absolute `http` or `https` URL with a host. Anything else (a path, a `javascript:` or `ftp:` URL,
/// free text) is refused when the object is created, so no page ever redirects to it.
enum RedirectURLCheck {
    /// The template Checkout fills in with the session id, allowed anywhere in the URL.
    static let sessionIDTemplate = "{CHECKOUT_SESSION_ID}"

    /// Stripe's 400 for `value` given as `param`, or `nil` when the URL is acceptable.
    static func failure(_ value: String, param: String) -> APIError? {
        isAcceptable(value) ? nil : APIError.invalidRequest("Not a valid URL", param: param, code: "url_invalid")
    }

    /// The error for the first of `params` in `tree` that holds an unacceptable URL; absent ones are not checked.
    static func failure(in tree: FormTree, params: [String]) -> APIError? {
        for param in params {
            if let value = tree[param]?.string, let failure = failure(value, param: param) { return failure }
        }
        return nil
    }

    /// Whether `value` is an absolute `http` or `https` URL with a host, `{CHECKOUT_SESSION_ID}` read as an id.
    static func isAcceptable(_ value: String) -> Bool {
        let filled = value.replacingOccurrences(of: sessionIDTemplate, with: "cs_test_template")
        guard !filled.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }),
              let components = URLComponents(string: filled),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty else {
            return false
        }
        return true
    }
}
#endif
