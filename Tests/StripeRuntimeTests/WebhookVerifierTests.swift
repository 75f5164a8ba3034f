import Crypto
import Foundation
import Testing
@testable import StripeRuntime

@Suite struct WebhookVerifierTests {
    private let secret = "whsec_test_secret_for_unit_tests"
    private let payload = Data(#"{"id":"evt_1","object":"event","type":"checkout.session.completed"}"#.utf8)
    private let timestamp: Int64 = 1_700_000_000
    /// Computed once with `printf '%s' '<t>.<payload>' | openssl dgst -sha256 -hmac <secret>`.
    private let expectedSignature = "6a765857ac5f140c57470144d43f977646b26ea1bbd2066bfe159f931fe86ff7"
    /// The same payload and timestamp under a second (rotated) secret, computed the same way.
    private let rotatedSecret = "whsec_rotated_new_secret_0002"
    private let rotatedSignature = "db77be23633c62f9a54f7fafca302dd8580454f6cb61832facae17b8ac5b1792"

    private func verifier(secrets: [String]? = nil, at seconds: Int64 = 1_700_000_060) -> WebhookVerifier {
        WebhookVerifier(secrets: secrets ?? [secret], now: { Date(timeIntervalSince1970: TimeInterval(seconds)) })
    }

    private func kind(_ body: () throws -> Void) -> WebhookVerificationError.Kind? {
        do {
            try body()
            return nil
        } catch {
            return (error as? WebhookVerificationError)?.kind
        }
    }

    @Test func independentHMACMatchesTheHardCodedSignature() {
        var message = Data("\(timestamp).".utf8)
        message.append(payload)
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(secret.utf8)))
        #expect(mac.map { String(format: "%02x", $0) }.joined() == expectedSignature)
        #expect(WebhookSigner(secret: secret).signature(for: payload, timestamp: timestamp) == expectedSignature)
    }

    @Test func validSignaturePasses() throws {
        let header = "t=\(timestamp),v1=\(expectedSignature)"
        #expect(try verifier().verify(payload: payload, signatureHeader: header) == payload)
    }

    @Test func unknownSchemesAndSpacesAreIgnored() throws {
        let header = "t=\(timestamp), v0=deadbeef, v1=\(expectedSignature), x=1"
        try verifier().verify(payload: payload, signatureHeader: header)
    }

    @Test func tamperedPayloadFails() {
        var tampered = payload
        tampered[tampered.count - 3] = UInt8(ascii: "X")
        #expect(kind { try verifier().verify(payload: tampered, signatureHeader: "t=\(timestamp),v1=\(expectedSignature)") } == .noMatchingSignature)
    }

    @Test func wrongSecretFails() {
        let other = verifier(secrets: ["whsec_someone_else"])
        #expect(kind { try other.verify(payload: payload, signatureHeader: "t=\(timestamp),v1=\(expectedSignature)") } == .noMatchingSignature)
    }

    @Test func changedTimestampFails() {
        #expect(kind { try verifier().verify(payload: payload, signatureHeader: "t=\(timestamp + 1),v1=\(expectedSignature)") } == .noMatchingSignature)
    }

    @Test func expiredTimestampFailsAfterSignatureCheck() {
        let late = verifier(at: timestamp + 301)
        #expect(kind { try late.verify(payload: payload, signatureHeader: "t=\(timestamp),v1=\(expectedSignature)") } == .timestampOutsideTolerance)
        let edge = verifier(at: timestamp + 300)
        #expect(kind { try edge.verify(payload: payload, signatureHeader: "t=\(timestamp),v1=\(expectedSignature)") } == nil)
        let future = verifier(at: timestamp - 400)
        #expect(kind { try future.verify(payload: payload, signatureHeader: "t=\(timestamp),v1=\(expectedSignature)") } == .timestampOutsideTolerance)
    }

    @Test func anyOfTwoV1EntriesMayMatch() throws {
        let header = "t=\(timestamp),v1=\(String(repeating: "0", count: 64)),v1=\(rotatedSignature)"
        try verifier(secrets: [secret, rotatedSecret]).verify(payload: payload, signatureHeader: header)
        #expect(kind { try verifier(secrets: [secret]).verify(payload: payload, signatureHeader: header) } == .noMatchingSignature)
        let both = "t=\(timestamp),v1=\(expectedSignature),v1=\(rotatedSignature)"
        try verifier(secrets: [rotatedSecret]).verify(payload: payload, signatureHeader: both)
    }

    @Test func malformedHeadersHaveTheirOwnErrors() {
        #expect(kind { try verifier().verify(payload: payload, signatureHeader: "") } == .missingHeader)
        #expect(kind { try verifier().verify(payload: payload, signatureHeader: "   ") } == .missingHeader)
        #expect(kind { try verifier().verify(payload: payload, signatureHeader: "v1=\(expectedSignature)") } == .malformedHeader)
        #expect(kind { try verifier().verify(payload: payload, signatureHeader: "t=soon,v1=\(expectedSignature)") } == .malformedHeader)
        #expect(kind { try verifier().verify(payload: payload, signatureHeader: "t=\(timestamp),v0=\(expectedSignature)") } == .noV1Signature)
        #expect(kind { try verifier().verify(payload: payload, signatureHeader: "t=\(timestamp),v1=not-hex") } == .noMatchingSignature)
        #expect(kind { try verifier().verify(payload: payload, signatureHeader: "garbage") } == .malformedHeader)
    }

    @Test func signerHeadersVerifyAndDecode() throws {
        struct Event: Decodable { let id: String; let type: String }
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let header = WebhookSigner(secret: secret).header(for: payload, timestamp: now)
        #expect(header.hasPrefix("t=1800000000,v1="))
        let event = try WebhookVerifier(secret: secret, now: { now }).verifyAndDecode(payload: payload, signatureHeader: header, as: Event.self)
        #expect(event.id == "evt_1" && event.type == "checkout.session.completed")
        #expect(throws: StripeError.self) {
            let bad = Data("[1]".utf8)
            _ = try WebhookVerifier(secret: secret, now: { now }).verifyAndDecode(
                payload: bad, signatureHeader: WebhookSigner(secret: secret).header(for: bad, timestamp: now), as: Event.self
            )
        }
    }

    @Test func verifierDoesNotPrintItsSecret() {
        let text = "\(verifier()) \(String(reflecting: verifier())) \(WebhookSigner(secret: secret))"
        var dumped = ""
        dump(verifier(), to: &dumped)
        #expect(!text.contains(secret) && !dumped.contains(secret))
        #expect(text.contains("whsec_…"))
    }

    /// Once a trap: the age of a timestamp near the ends of 64 bits did not fit `Int`.
    @Test(arguments: [Int64.max, Int64.min, Int64.min + 1, -1])
    func extremeTimestampsAreStaleNotATrap(extreme: Int64) throws {
        let signature = WebhookSigner(secret: secret).signature(for: payload, timestamp: extreme)
        let thrown = #expect(throws: WebhookVerificationError.self) {
            try verifier().verify(payload: payload, signatureHeader: "t=\(extreme),v1=\(signature)")
        }
        #expect(thrown?.kind == .timestampOutsideTolerance)
    }
}
