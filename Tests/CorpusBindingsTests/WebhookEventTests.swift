import CorpusBindings
import Foundation
import StripeRuntime
import Testing

/// The workshop's webhook events, each decoded to the object its type carries.
@Suite struct WebhookEventTests {
    @Test func eachEventTypeCarriesItsObject() throws {
        let created = try JSON.decode(WebhookEvent.self, CorpusFixtures.event(type: "widget.created", object: CorpusFixtures.widget))
        guard case .widgetCreated(let widget) = created.data else {
            Issue.record("expected widget.created, got \(created.data)")
            return
        }
        #expect(widget.id == "wd_1")
        #expect(created.created == Date(timeIntervalSince1970: 1_700_000_200))
        #expect(created.previousAttributes?["name"] == .string("old"))

        let folder = try JSON.decode(WebhookEvent.self, CorpusFixtures.event(type: "folder.created", object: CorpusFixtures.folder(depth: 2)))
        guard case .folderCreated(let decodedFolder) = folder.data else {
            Issue.record("expected folder.created, got \(folder.data)")
            return
        }
        #expect(decodedFolder.parent?.parent?.name == "root")

        let delivered = try JSON.decode(WebhookEvent.self, CorpusFixtures.event(type: "shipment.delivered", object: CorpusFixtures.shipment))
        guard case .shipmentDelivered(let shipment) = delivered.data else {
            Issue.record("expected shipment.delivered, got \(delivered.data)")
            return
        }
        #expect(shipment.carrier == .post)
    }

    @Test func anUnknownEventTypeKeepsItsObjectAsJSON() throws {
        let event = try JSON.decode(WebhookEvent.self, CorpusFixtures.event(type: "photo.cropped", object: CorpusFixtures.photo))
        guard case .unrecognized(let type, let object) = event.data else {
            Issue.record("expected an unrecognized event, got \(event.data)")
            return
        }
        #expect(type == "photo.cropped")
        #expect(object["url"] == .string("https://cdn.workshop.test/ph_1.png"))
    }

    @Test func aSignedDeliveryVerifiesAndDecodes() throws {
        let payload = Data(CorpusFixtures.event(type: "widget.updated", object: CorpusFixtures.widget).utf8)
        let now = Date(timeIntervalSince1970: 1_700_000_300)
        let header = WebhookSigner(secret: "whsec_corpus").header(for: payload, timestamp: now)
        let event = try WebhookVerifier(secret: "whsec_corpus", now: { now })
            .verifyEvent(payload: payload, signatureHeader: header)
        guard case .widgetUpdated(let widget) = event.data else {
            Issue.record("expected widget.updated, got \(event.data)")
            return
        }
        #expect(widget.class == .protocol)
    }
}
