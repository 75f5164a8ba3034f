import Foundation
import StripeRuntime

/// Stripe's idempotency rules for POST requests: a key seen before with the same method, path
/// and parameters replays the stored answer; with anything else it is an `idempotency_error`.
/// Keys are scoped per API key and forgotten after 24 hours.
enum Idempotency {
    static let lifetime: TimeInterval = 24 * 60 * 60

    /// The request's parameters in a canonical order: by name, lists keeping their order.
    static func fingerprint(_ fields: [FormField]) -> String {
        let sorted = fields.enumerated().sorted { lhs, rhs in
            lhs.element.name == rhs.element.name ? lhs.offset < rhs.offset : lhs.element.name < rhs.element.name
        }
        return FormBody.serialize(sorted.map(\.element))
    }

    /// The storage key for `key` used with `apiKey`.
    static func storageKey(apiKey: String, key: String) -> String {
        Authentication.scope(of: apiKey) + "|" + key
    }

    /// The stored answer to replay, an error for a mismatched reuse, or `nil` to go ahead.
    static func lookup(_ record: IdempotencyRecord?, key: String, method: String, path: String, fingerprint: String,
                       now: Date) -> Result<EmulatorResponse, APIError>? {
        guard let record, now.timeIntervalSince(record.created) < lifetime else { return nil }
        guard record.method == method, record.path == path, record.fingerprint == fingerprint else {
            return .failure(APIError(
                status: 400, type: "idempotency_error",
                message: "Keys for idempotent requests can only be used with the same parameters they were first used with. "
                    + "Try using a key other than '\(key)' if you meant to execute a different request."
            ))
        }
        var response = EmulatorResponse.json(record.status, record.body)
        response.headers["Idempotent-Replayed"] = "true"
        return .success(response)
    }
}
