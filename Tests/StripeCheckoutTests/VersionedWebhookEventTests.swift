import Foundation
import StripeCheckout
import StripeRuntime
import Testing

/// Events rendered in another API version than the bindings': taken or refused by version, decoded tolerantly or
/// strictly, and kept as JSON when their object does not decode.
@Suite struct VersionedWebhookEventTests {
    static let secret = "whsec_versioned_events_0123456789"
    static let now = Date(timeIntervalSince1970: TimeInterval(Fixtures.created + 120))

    let verifier = WebhookVerifier(secret: Self.secret, now: { Self.now })

    /// A completed-session event in API version `version`, its session lacking `payment_status` (as a version that
    /// moved the field would send it).
    func newerEvent(version: String = "2031-01-01", id: String = "evt_new") -> (Data, String) {
        let session = Fixtures.smallSession("cs_new").replacingOccurrences(of: "\"payment_status\": \"unpaid\", ", with: "")
        let json = Fixtures.event(id: id, type: "checkout.session.completed", object: session)
            .replacingOccurrences(of: "\"api_version\": \"2023-08-16\"", with: "\"api_version\": \"\(version)\"")
        let payload = Data(json.utf8)
        return (payload, WebhookSigner(secret: Self.secret).header(for: payload, timestamp: Self.now))
    }

    @Test func anEventOfANewerVersionDecodesTolerantlyByDefault() throws {
        let (payload, header) = newerEvent()
        #expect(!String(decoding: payload, as: UTF8.self).contains("payment_status"))
        let event = try verifier.verifyEvent(payload: payload, signatureHeader: header)
        #expect(event.apiVersion == "2031-01-01")
        guard case .checkoutSessionCompleted(let session) = event.data else {
            Issue.record("expected checkoutSessionCompleted, got \(event.data)")
            return
        }
        #expect(session.id == "cs_new")
        #expect(session.paymentStatus == nil)
        #expect(session.missingRequiredFields == ["payment_status"])
    }

    @Test func aStrictVerifierRefusesAnotherVersionBeforeDecodingNamingBoth() throws {
        let strict = verifier.accepting(.exactly(StripeBindings.apiVersion), requiredFields: .strict)
        // Not even an event: the version is checked before the event is decoded.
        let json = #"{"api_version": "2031-01-01", "data": "not an object"}"#
        let payload = Data(json.utf8)
        let header = WebhookSigner(secret: Self.secret).header(for: payload, timestamp: Self.now)
        let error = try #require(throws: WebhookVerificationError.self) {
            try strict.verifyEvent(payload: payload, signatureHeader: header)
        }
        #expect(error.kind == .apiVersionMismatch)
        #expect(error.eventAPIVersion == "2031-01-01")
        #expect(error.acceptedAPIVersions == .exactly("2023-08-16"))
        #expect(error.message.contains("2031-01-01"))
        #expect(error.message.contains("2023-08-16"))
    }

    @Test func aStrictVerifierRefusesAnEventNamingNoVersion() throws {
        let strict = verifier.accepting(.only(["2023-08-16"]))
        let json = Fixtures.event(type: "checkout.session.completed", object: Fixtures.smallSession("cs_1"))
            .replacingOccurrences(of: "\"api_version\": \"2023-08-16\",", with: "")
        let payload = Data(json.utf8)
        let header = WebhookSigner(secret: Self.secret).header(for: payload, timestamp: Self.now)
        let error = try #require(throws: WebhookVerificationError.self) {
            try strict.verifyEvent(payload: payload, signatureHeader: header)
        }
        #expect(error.kind == .apiVersionMismatch)
        #expect(error.eventAPIVersion == nil)
    }

    @Test func aStrictVerifierTakesItsOwnVersion() throws {
        let strict = verifier.accepting(.exactly("2023-08-16"), requiredFields: .strict)
        let json = Fixtures.event(type: "checkout.session.completed", object: Fixtures.smallSession("cs_1"))
        let payload = Data(json.utf8)
        let header = WebhookSigner(secret: Self.secret).header(for: payload, timestamp: Self.now)
        let event = try strict.verifyEvent(payload: payload, signatureHeader: header)
        guard case .checkoutSessionCompleted(let session) = event.data else {
            Issue.record("expected checkoutSessionCompleted, got \(event.data)")
            return
        }
        #expect(session.paymentStatus == .unpaid)
    }

    @Test func underStrictFieldsAnObjectLackingAFieldArrivesUndecodableWithItsJSON() throws {
        let strict = verifier.accepting(.any, requiredFields: .strict)
        let (payload, header) = newerEvent()
        let event = try strict.verifyEvent(payload: payload, signatureHeader: header)
        #expect(event.id == "evt_new")
        #expect(event.apiVersion == "2031-01-01")
        guard case .undecodable(let type, let object, let reason) = event.data else {
            Issue.record("expected undecodable, got \(event.data)")
            return
        }
        #expect(type == "checkout.session.completed")
        #expect(object["id"]?.stringValue == "cs_new")
        #expect(reason.contains("payment_status"))
    }

    @Test func anObjectWithAFieldOfAnotherTypeArrivesUndecodable() throws {
        let session = Fixtures.smallSession("cs_odd").replacingOccurrences(of: "\"mode\": \"payment\"", with: "\"mode\": {\"kind\": \"payment\"}")
        #expect(session.contains("\"kind\""))
        let payload = Data(Fixtures.event(id: "evt_odd", type: "checkout.session.expired", object: session).utf8)
        let header = WebhookSigner(secret: Self.secret).header(for: payload, timestamp: Self.now)
        let event = try verifier.verifyEvent(payload: payload, signatureHeader: header)
        guard case .undecodable(let type, let object, let reason) = event.data else {
            Issue.record("expected undecodable, got \(event.data)")
            return
        }
        #expect(type == "checkout.session.expired")
        #expect(object["mode"]?["kind"]?.stringValue == "payment")
        #expect(reason.contains("mode"))
    }
}
