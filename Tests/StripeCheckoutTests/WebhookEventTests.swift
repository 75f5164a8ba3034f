import Foundation
import StripeCheckout
import StripeRuntime
import Testing

/// Typed webhook events: verified with the signature header, then decoded by event type.
@Suite struct WebhookEventTests {
    static let secret = "whsec_codegen_tests_0123456789"
    static let now = Date(timeIntervalSince1970: TimeInterval(Fixtures.created + 120))

    let verifier = WebhookVerifier(secret: Self.secret, now: { Self.now })

    func signed(_ json: String, at date: Date = Self.now) -> (Data, String) {
        let payload = Data(json.utf8)
        return (payload, WebhookSigner(secret: Self.secret).header(for: payload, timestamp: date))
    }

    @Test func completedEventDecodesToTheTypedSession() throws {
        let (payload, header) = signed(Fixtures.event(type: "checkout.session.completed",
                                                      object: Fixtures.session(status: "complete", clientReferenceID: "order_77")))
        let event = try verifier.verifyEvent(payload: payload, signatureHeader: header)
        #expect(event.id == "evt_1")
        #expect(event.type == "checkout.session.completed")
        #expect(event.created == Date(timeIntervalSince1970: TimeInterval(Fixtures.created + 60)))
        #expect(event.apiVersion == "2023-08-16")
        #expect(event.livemode == false)
        guard case .checkoutSessionCompleted(let session) = event.data else {
            Issue.record("expected checkoutSessionCompleted, got \(event.data)")
            return
        }
        #expect(session.clientReferenceID == "order_77")
        #expect(session.status == .complete)
        #expect(session.id == "cs_test_1")
    }

    @Test(arguments: [
        ("checkout.session.expired", "expired"),
        ("checkout.session.async_payment_succeeded", "succeeded"),
        ("checkout.session.async_payment_failed", "failed"),
    ])
    func otherSessionEventsDecodeToTheirCases(type: String, expected: String) throws {
        let (payload, header) = signed(Fixtures.event(type: type, object: Fixtures.smallSession("cs_9")))
        let event = try verifier.verifyEvent(payload: payload, signatureHeader: header)
        let decoded: (String, String)? = switch event.data {
        case .checkoutSessionExpired(let session): ("expired", session.id)
        case .checkoutSessionAsyncPaymentSucceeded(let session): ("succeeded", session.id)
        case .checkoutSessionAsyncPaymentFailed(let session): ("failed", session.id)
        default: nil
        }
        #expect(decoded?.0 == expected)
        #expect(decoded?.1 == "cs_9")
    }

    @Test func unknownEventTypeDecodesAsUnrecognized() throws {
        let (payload, header) = signed(Fixtures.event(id: "evt_2", type: "gadget.polished",
                                                      object: #"{"id": "gd_1", "object": "gadget", "shine": 3}"#))
        let event = try verifier.verifyEvent(payload: payload, signatureHeader: header)
        #expect(event.id == "evt_2")
        guard case .unrecognized(let type, let object) = event.data else {
            Issue.record("expected unrecognized, got \(event.data)")
            return
        }
        #expect(type == "gadget.polished")
        #expect(object["id"]?.stringValue == "gd_1")
        #expect(object["object"]?.stringValue == "gadget")
    }

    @Test func tamperedPayloadIsRejected() throws {
        let (payload, header) = signed(Fixtures.event(type: "checkout.session.completed", object: Fixtures.smallSession("cs_1")))
        let tampered = Data(String(decoding: payload, as: UTF8.self).replacingOccurrences(of: "order_42", with: "order_43").utf8)
        #expect(tampered != payload)
        let error = try #require(throws: WebhookVerificationError.self) {
            try verifier.verifyEvent(payload: tampered, signatureHeader: header)
        }
        #expect(error.kind == .noMatchingSignature)
    }

    @Test func wrongSecretAndStaleTimestampAreRejected() throws {
        let json = Fixtures.event(type: "checkout.session.completed", object: Fixtures.smallSession("cs_1"))
        let (payload, header) = signed(json)
        let other = WebhookVerifier(secret: "whsec_someone_else", now: { Self.now })
        #expect(throws: WebhookVerificationError.self) { try other.verifyEvent(payload: payload, signatureHeader: header) }
        let (_, staleHeader) = signed(json, at: Self.now.addingTimeInterval(-301))
        let stale = try #require(throws: WebhookVerificationError.self) {
            try verifier.verifyEvent(payload: payload, signatureHeader: staleHeader)
        }
        #expect(stale.kind == .timestampOutsideTolerance)
    }

    @Test func verifiedButMalformedEventIsADecodingError() throws {
        let (payload, header) = signed(#"{"id": "evt_3", "type": "checkout.session.completed", "data": {"object": {}}}"#)
        let error = try #require(throws: StripeError.self) {
            try verifier.verifyEvent(payload: payload, signatureHeader: header)
        }
        #expect(error.kind == .decoding)
    }
}
