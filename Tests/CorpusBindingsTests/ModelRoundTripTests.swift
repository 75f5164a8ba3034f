import CorpusBindings
import Foundation
import StripeRuntime
import Testing

/// Objects of the workshop API decoded from our JSON, encoded, and decoded again.
@Suite struct ModelRoundTripTests {
    @Test func widgetDecodesEveryField() throws {
        let widget = try JSON.decode(Widget.self, CorpusFixtures.widget)
        #expect(widget.id == "wd_1")
        #expect(widget.object == "widget")
        #expect(widget.class == .protocol)
        #expect(widget.default == true)
        #expect(widget.`init` == "from-scratch")
        #expect(widget.none == false)
        #expect(widget.protocol == "v2")
        #expect(widget.`self` == "wd_self")
        #expect(widget.some == 7)
        #expect(widget.metadata == ["batch": "42", "colour": "teal"])
        #expect(widget.parts?.hasMore == true)
        #expect(widget.parts?.url == "/v1/widgets/wd_1/parts")
        #expect(widget.parts?.data?.map(\.quantity) == [3])
        #expect(widget.specs?.weightGrams == 850)
        #expect(widget.specs?.finish?.gloss == 0.75)
    }

    @Test func widgetSurvivesARoundTripUnchanged() throws {
        let (first, second) = try JSON.roundTrip(Widget.self, CorpusFixtures.widget)
        #expect(first == second)
        // Every field is written back under its wire name, in its wire format.
        #expect(try JSON.tree(first) == JSON.tree(CorpusFixtures.widget))
    }

    @Test func changedFieldsMakeDifferentValues() throws {
        let widget = try JSON.decode(Widget.self, CorpusFixtures.widget)
        var changed = widget
        changed.specs?.finish?.coating?.layers?[1].pigment?.hex = "#000000"
        #expect(changed != widget)
        let decoded = try JSONDecoder().decode(Widget.self, from: JSON.encode(changed))
        #expect(decoded.specs?.finish?.coating?.layers?[1].pigment?.hex == "#000000")
        #expect(decoded == changed)
    }

    @Test func shipmentAndFolderSurviveRoundTrips() throws {
        let shipment = try JSON.roundTrip(Shipment.self, CorpusFixtures.returnedShipment(depth: 2))
        #expect(shipment.first == shipment.second)
        #expect(try JSON.tree(shipment.first) == JSON.tree(CorpusFixtures.returnedShipment(depth: 2)))
        let folder = try JSON.roundTrip(Folder.self, CorpusFixtures.folder(depth: 3))
        #expect(folder.first == folder.second)
        #expect(try JSON.tree(folder.first) == JSON.tree(CorpusFixtures.folder(depth: 3)))
    }

    @Test func missingRequiredFieldIsListedOrFailsStrictly() throws {
        let json = #"{"id": "mk_1", "object": "maker"}"#
        let tolerant = try JSON.decode(Maker.self, json)
        #expect(tolerant.name == nil)
        #expect(tolerant.missingRequiredFields == ["name"])
        #expect {
            try JSONDecoder(requiredFields: .strict).decode(Maker.self, from: Data(json.utf8))
        } throws: { error in
            guard case DecodingError.keyNotFound(let key, _) = error else { return false }
            return key.stringValue == "name"
        }
    }

    @Test func unknownFieldsAreIgnored() throws {
        let json = #"{"id": "ph_9", "object": "photo", "url": "u", "width": 1, "height": 2, "focal_point": {"x": 3}}"#
        let photo = try JSON.decode(Photo.self, json)
        #expect(photo == Photo(height: 2, id: "ph_9", object: "photo", url: "u", width: 1))
    }
}
