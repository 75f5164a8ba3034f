#if Emulator
import Foundation
import StripeRuntime

/// Stripe's idempotency rules for POST requests: a key seen before with the same method, path
/// and parameters replays the stored answer, error or not; with anything else it is an
/// `idempotency_error`; while the first request with a key is still running, another one with it
/// is a 409. Keys are scoped per API key and connected account, and forgotten after 24 hours.
/// A request that fails validation, or finds its key in use, stores nothing; a key over 255 characters is refused.
enum Idempotency {
    static let lifetime: TimeInterval = 24 * 60 * 60
    /// How often, on the emulator's clock, stored answers past their lifetime are removed.
    static let pruneInterval: TimeInterval = 60

    /// The longest key Stripe accepts, in characters.
    static let maxKeyLength = 255

    /// Stripe's 400 for a key longer than ``maxKeyLength``, or `nil` for an acceptable (or absent) one.
    static func keyLengthFailure(_ key: String?) -> APIError? {
        guard let key, key.count > maxKeyLength else { return nil }
        return .invalidRequest("Keys for idempotent requests can only be \(maxKeyLength) characters long.")
    }

    /// The request's parameters in a canonical order: by name, lists keeping their order.
    static func fingerprint(_ fields: [FormField]) -> String {
        let sorted = fields.enumerated().sorted { lhs, rhs in
            lhs.element.name == rhs.element.name ? lhs.offset < rhs.offset : lhs.element.name < rhs.element.name
        }
        return FormBody.serialize(sorted.map(\.element))
    }

    /// The storage key for `key` used with `apiKey`, on behalf of `account` (`Stripe-Account`) if any.
    static func storageKey(apiKey: String, account: String? = nil, key: String) -> String {
        Authentication.scope(of: apiKey) + "|" + (account ?? "") + "|" + key
    }

    /// The stored answer to replay, an error for a mismatched reuse, or `nil` to go ahead.
    static func lookup(_ record: IdempotencyRecord?, key: String, method: String, path: String, fingerprint: String,
                       now: Date) -> Result<EmulatorResponse, APIError>? {
        guard let record, isLive(record, now: now) else { return nil }
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

    /// The 409 for a key whose first request is still running.
    static func inUse(_ key: String) -> APIError {
        APIError(
            status: 409, type: "idempotency_error",
            message: "There is currently another in-progress request using this idempotency key ('\(key)'). "
                + "Try again once it has finished.",
            code: "idempotency_key_in_use"
        )
    }

    /// Whether a stored answer is still within its lifetime at `now`.
    static func isLive(_ record: IdempotencyRecord, now: Date) -> Bool {
        now.timeIntervalSince(record.created) < lifetime
    }

    /// Removes from `records` those past their lifetime at `now`.
    static func prune(_ records: inout TrackedMap<IdempotencyRecord>, now: Date) {
        records.removeAll { _, record in !isLive(record, now: now) }
    }
}
#endif
