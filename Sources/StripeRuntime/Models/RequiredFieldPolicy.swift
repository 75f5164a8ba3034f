import Foundation

/// What decoding does when an object lacks a field its spec marks required (and not nullable): objects from a
/// newer API version, or Stripe's own samples, omit fields an older spec requires.
///
/// The policy travels in the decoder's `userInfo` under `CodingUserInfoKey.stripeRequiredFields`; a decoder
/// without it decodes `.tolerant`.
public enum RequiredFieldPolicy: String, Sendable, Hashable, CaseIterable {
    /// An absent required field fails the whole object with `DecodingError.keyNotFound` (or `valueNotFound` for
    /// `null`), as plain `Codable` does.
    case strict
    /// An absent (or `null`) required field decodes as `nil`, and the object lists it in
    /// `missingRequiredFields`. Fields Stripe always sends (`id`, `object`, `created`, `livemode`) stay strict.
    case tolerant

    /// The policy `decoder` carries, `.tolerant` when it carries none.
    public init(of decoder: any Decoder) {
        self = decoder.userInfo[.stripeRequiredFields] as? RequiredFieldPolicy ?? .tolerant
    }
}

extension CodingUserInfoKey {
    /// The ``RequiredFieldPolicy`` generated models decode with.
    public static let stripeRequiredFields = CodingUserInfoKey(rawValue: "StripeRuntime.RequiredFieldPolicy")!
}

extension JSONDecoder {
    /// A plain `JSONDecoder` that decodes Stripe's objects under `policy`, recording absent fields in `log` if given.
    public convenience init(requiredFields policy: RequiredFieldPolicy, log: AbsentFieldLog? = nil) {
        self.init()
        userInfo[.stripeRequiredFields] = policy
        if let log { userInfo[.stripeAbsentFieldLog] = log }
    }
}
