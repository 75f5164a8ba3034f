import Crypto
import Foundation

/// Checks that a webhook request really comes from Stripe: its `Stripe-Signature` must carry a
/// `v1` HMAC of the exact payload under one of the endpoint's secrets, signed recently enough.
///
/// Several secrets may be given while one is being rolled over; any of them may match.
public struct WebhookVerifier: Sendable, CustomStringConvertible, CustomReflectable {
    private let secrets: [SecretKey]
    private let keyBytes: [Data]
    /// How far the signing time may be from now, in either direction.
    public let tolerance: Duration
    private let now: @Sendable () -> Date
    /// The API versions events may be rendered in; others are refused before decoding.
    public var apiVersions: WebhookAPIVersions = .any
    /// How events' objects treat required fields they lack.
    public var requiredFields: RequiredFieldPolicy = .tolerant

    /// Verifies against one endpoint secret, with `now` as the clock for the tolerance check.
    public init(secret: String, tolerance: Duration = .seconds(300), now: @escaping @Sendable () -> Date = { Date() }) {
        self.init(secrets: [secret], tolerance: tolerance, now: now)
    }

    /// Verifies against any of several endpoint secrets (during a rollover).
    public init(secrets: [String], tolerance: Duration = .seconds(300), now: @escaping @Sendable () -> Date = { Date() }) {
        self.secrets = secrets.map(SecretKey.init)
        self.keyBytes = secrets.map { Data($0.utf8) }
        self.tolerance = tolerance
        self.now = now
    }

    /// This verifier, taking only events rendered in `versions` and decoding them under `requiredFields`; for
    /// example `.exactly(StripeBindings.apiVersion)` with `.strict` refuses any event the bindings were not made for.
    public func accepting(_ versions: WebhookAPIVersions, requiredFields: RequiredFieldPolicy = .tolerant) -> WebhookVerifier {
        var copy = self
        copy.apiVersions = versions
        copy.requiredFields = requiredFields
        return copy
    }

    /// Returns `payload` unchanged if `signatureHeader` vouches for it, otherwise throws a
    /// `WebhookVerificationError` saying why.
    @discardableResult
    public func verify(payload: Data, signatureHeader: String) throws -> Data {
        let header = try WebhookSignatureHeader(parsing: signatureHeader)
        guard !header.v1Signatures.isEmpty else {
            throw WebhookVerificationError(.noV1Signature, "The Stripe-Signature header has no v1 signature")
        }
        let matches = keyBytes.contains { bytes in
            let mac = WebhookSigning.mac(payload: payload, timestamp: header.timestamp, key: SymmetricKey(data: bytes))
            return header.v1Signatures.contains { WebhookSigning.constantTimeEquals(mac, $0) }
        }
        guard matches else {
            throw WebhookVerificationError(.noMatchingSignature, "No v1 signature matches the payload")
        }
        let age = now().timeIntervalSince1970 - Double(header.timestamp)
        guard abs(age) <= tolerance.secondsValue else {
            throw WebhookVerificationError(
                .timestampOutsideTolerance,
                "The signature was made \(Self.wholeSeconds(age)) s ago, outside the tolerance of \(tolerance)"
            )
        }
        return payload
    }

    /// `seconds` as whole seconds for a message; a timestamp can be any 64-bit number, so values
    /// too large to convert are written as a bound instead of trapping.
    static func wholeSeconds(_ seconds: Double) -> String {
        let bound = 1e15
        if seconds.isNaN { return "an unknown number of" }
        if seconds >= bound { return "more than \(Int64(bound))" }
        if seconds <= -bound { return "less than -\(Int64(bound))" }
        return String(Int64(seconds))
    }

    /// Verifies the payload, checks its API version against ``apiVersions`` (a mismatch throws
    /// `WebhookVerificationError` of kind `apiVersionMismatch`, naming both), then decodes it as `Event` under
    /// ``requiredFields``; a payload that verifies but does not decode throws a `StripeError` of kind `decoding`.
    public func verifyAndDecode<Event: Decodable>(payload: Data, signatureHeader: String, as type: Event.Type = Event.self) throws -> Event {
        try verify(payload: payload, signatureHeader: signatureHeader)
        try checkAPIVersion(of: payload)
        do {
            return try JSONDecoder(requiredFields: requiredFields).decode(Event.self, from: payload)
        } catch {
            throw StripeError.decoding(error, status: nil, requestID: nil, body: payload)
        }
    }

    /// Refuses a payload rendered in a version ``apiVersions`` does not take; reads only `api_version`.
    private func checkAPIVersion(of payload: Data) throws {
        guard apiVersions.accepted != nil else { return }
        let version: String?
        do {
            version = try JSONDecoder().decode(WebhookEventVersion.self, from: payload).apiVersion
        } catch {
            throw StripeError.decoding(error, status: nil, requestID: nil, body: payload)
        }
        guard apiVersions.accepts(version) else {
            throw WebhookVerificationError(
                .apiVersionMismatch,
                "The event was rendered in API version \(version ?? "(none)"); this endpoint takes \(apiVersions)",
                eventAPIVersion: version, acceptedAPIVersions: apiVersions
            )
        }
    }

    /// The verifier with its secrets redacted.
    public var description: String {
        "WebhookVerifier(secrets: [\(secrets.map(\.redacted).joined(separator: ", "))], tolerance: \(tolerance), "
            + "apiVersions: \(apiVersions), requiredFields: \(requiredFields))"
    }

    /// A mirror that never exposes the secrets.
    public var customMirror: Mirror {
        Mirror(self, children: ["secrets": secrets.map(\.redacted), "tolerance": tolerance], displayStyle: .struct)
    }
}
