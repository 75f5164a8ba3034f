import CorpusBindings
import Foundation
import StripeRuntime
import Testing

/// Unions of objects, told apart by the payload's `object` and `deleted`.
@Suite struct UnionDecodingTests {
    @Test func photoOrShipmentDecodesEachMember() throws {
        let photo = try JSON.decode(PhotoOrShipment.self, CorpusFixtures.photo)
        guard case .photo(let decodedPhoto) = photo else {
            Issue.record("expected a photo, got \(photo)")
            return
        }
        #expect(decodedPhoto.width == 640)
        #expect(photo.id == "ph_1")

        let shipment = try JSON.decode(PhotoOrShipment.self, CorpusFixtures.shipment)
        guard case .shipment(let decodedShipment) = shipment else {
            Issue.record("expected a shipment, got \(shipment)")
            return
        }
        #expect(decodedShipment.carrier == .post)
        #expect(shipment.id == "shp_1")
    }

    @Test func makerOrDeletedMakerIsDecidedByDeleted() throws {
        let maker = try JSON.decode(MakerOrDeletedMaker.self, CorpusFixtures.maker)
        let deleted = try JSON.decode(MakerOrDeletedMaker.self, CorpusFixtures.deletedMaker)
        guard case .maker(let live) = maker, case .deletedMaker(let gone) = deleted else {
            Issue.record("expected a maker and a deleted maker, got \(maker) and \(deleted)")
            return
        }
        #expect(live.name == "Hollow Oak")
        #expect(gone.id == "mk_2")
        #expect(gone.deleted == true)
    }

    @Test func unionMembersEncodeAsThemselves() throws {
        for json in [CorpusFixtures.photo, CorpusFixtures.shipment] {
            let (first, second) = try JSON.roundTrip(PhotoOrShipment.self, json)
            #expect(first == second)
            #expect(try JSON.tree(first) == JSON.tree(json))
        }
        let deleted = try JSON.decode(MakerOrDeletedMaker.self, CorpusFixtures.deletedMaker)
        #expect(try JSON.tree(deleted) == JSON.tree(CorpusFixtures.deletedMaker))
    }

    @Test func anUnknownObjectTagIsADecodingError() throws {
        let json = #"{"id": "vid_1", "object": "video", "url": "u", "width": 1, "height": 1}"#
        #expect {
            try JSON.decode(PhotoOrShipment.self, json)
        } throws: { error in
            guard case DecodingError.dataCorrupted(let context) = error else { return false }
            return context.debugDescription.contains("PhotoOrShipment")
        }
    }

    @Test func aNullableUnionFieldMayBeNullOrMissing() throws {
        var json = CorpusFixtures.widget.replacingOccurrences(of: #""attachment": \#(CorpusFixtures.photo)"#,
                                                              with: #""attachment": null"#)
        #expect(try JSON.decode(Widget.self, json).attachment == nil)
        json = json.replacingOccurrences(of: #""attachment": null,"#, with: "")
        #expect(try JSON.decode(Widget.self, json).attachment == nil)
    }

    @Test func widgetAttachmentCarriesAShipment() throws {
        let json = CorpusFixtures.widget.replacingOccurrences(of: #""attachment": \#(CorpusFixtures.photo)"#,
                                                              with: #""attachment": \#(CorpusFixtures.shipment)"#)
        let widget = try JSON.decode(Widget.self, json)
        guard case .shipment(let shipment)? = widget.attachment else {
            Issue.record("expected a shipment attachment, got \(String(describing: widget.attachment))")
            return
        }
        #expect(shipment.weightKg == Decimal(string: "1.25"))
    }
}
