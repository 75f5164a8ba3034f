/// Why a webhook payload was rejected. Each reason is its own kind so handlers can answer (and
/// log) them differently; none of them says which secret was tried.
public struct WebhookVerificationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The reason a payload was rejected.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case missingHeader, malformedHeader, noV1Signature, noMatchingSignature, timestampOutsideTolerance
            case apiVersionMismatch
        }

        private let base: Base

        /// The `Stripe-Signature` header is absent or empty.
        public static let missingHeader = Kind(base: .missingHeader)
        /// The header cannot be read (for example no `t=` timestamp).
        public static let malformedHeader = Kind(base: .malformedHeader)
        /// The header carries no signature of the `v1` scheme.
        public static let noV1Signature = Kind(base: .noV1Signature)
        /// No `v1` signature matches the payload under any configured secret.
        public static let noMatchingSignature = Kind(base: .noMatchingSignature)
        /// The signature is valid but its timestamp is too far from now (a possible replay).
        public static let timestampOutsideTolerance = Kind(base: .timestampOutsideTolerance)
        /// The payload is signed correctly but rendered in an API version the verifier does not take.
        public static let apiVersionMismatch = Kind(base: .apiVersionMismatch)

        /// A short name of the kind.
        public var description: String { base.rawValue }
    }

    /// The reason.
    public let kind: Kind
    /// A human-readable explanation.
    public let message: String
    /// For `apiVersionMismatch`: the version the event was rendered in (`nil` when it names none).
    public let eventAPIVersion: String?
    /// For `apiVersionMismatch`: the versions the verifier takes.
    public let acceptedAPIVersions: WebhookAPIVersions?

    init(_ kind: Kind, _ message: String, eventAPIVersion: String? = nil, acceptedAPIVersions: WebhookAPIVersions? = nil) {
        self.kind = kind
        self.message = message
        self.eventAPIVersion = eventAPIVersion
        self.acceptedAPIVersions = acceptedAPIVersions
    }

    /// The kind and explanation on one line.
    public var description: String { "WebhookVerificationError.\(kind): \(message)" }
}
