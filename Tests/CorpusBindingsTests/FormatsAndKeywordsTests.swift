import CorpusBindings
import Foundation
import StripeRuntime
import Testing

/// Unix times, decimal strings, and wire names that are Swift keywords, as a caller writes them.
@Suite struct FormatsAndKeywordsTests {
    @Test func unixTimesAreDatesBothWays() throws {
        let widget = try JSON.decode(Widget.self, CorpusFixtures.widget)
        #expect(widget.created == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(widget.updated == Date(timeIntervalSince1970: 1_700_003_600))
        let tree = try JSON.tree(widget)
        #expect(tree["created"] == .integer(1_700_000_000))
        #expect(tree["updated"] == .integer(1_700_003_600))
        let shipment = try JSON.decode(Shipment.self, CorpusFixtures.shipment)
        #expect(shipment.deliveredAt == Date(timeIntervalSince1970: 1_700_000_100))
    }

    @Test func decimalsAreReadFromAndWrittenAsStrings() throws {
        let widget = try JSON.decode(Widget.self, CorpusFixtures.widget)
        #expect(widget.unitCostDecimal == Decimal(string: "12.3456"))
        #expect(widget.specs?.finish?.coating?.layers?.first?.pigment?.opacityPercent == Decimal(string: "87.5"))
        let tree = try JSON.tree(widget)
        #expect(tree["unit_cost_decimal"] == .string("12.3456"))
        let shipment = try JSON.decode(Shipment.self, CorpusFixtures.shipment)
        #expect(shipment.weightKg == Decimal(string: "1.25"))
        #expect(try JSON.tree(shipment)["weight_kg"] == .string("1.25"))
    }

    @Test func aMalformedDecimalIsADecodingError() throws {
        let json = #"{"id": "shp_1", "object": "shipment", "carrier": "post", "weight_kg": "1.2kg"}"#
        #expect(throws: DecodingError.self) { try JSON.decode(Shipment.self, json) }
    }

    @Test func keywordNamedPropertiesAreUsableFromSwift() throws {
        var widget = try JSON.decode(Widget.self, CorpusFixtures.widget)
        widget.default = false
        widget.class = .class
        widget.`init` = nil
        widget.`self` = "renamed"
        widget.protocol = nil
        widget.some = 8
        widget.none = true
        let tree = try JSON.tree(widget)
        #expect(tree["default"] == .bool(false))
        #expect(tree["class"] == .string("class"))
        #expect(tree["init"] == nil)
        #expect(tree["self"] == .string("renamed"))
        #expect(tree["protocol"] == nil)
        #expect(tree["some"] == .integer(8))
        #expect(tree["none"] == .bool(true))

        let made = Widget(class: .default, created: Date(timeIntervalSince1970: 0), default: true, id: "wd_2",
                          init: "i", maker: .id("mk_1"), metadata: [:], object: "widget", protocol: "p", self: "s")
        #expect(made.`self` == "s")
        #expect(made.`init` == "i")
        #expect(made.protocol == "p")
        #expect(try JSON.decode(Widget.self, String(decoding: JSON.encode(made), as: UTF8.self)) == made)
    }

    @Test func keywordEnumValuesHaveCasesAndRawValues() throws {
        let expected: [(Widget.Class, String)] = [
            (.type, "Type"), (.class, "class"), (.default, "default"), (.initValue, "init"), (.noneValue, "none"),
            (.protocol, "protocol"), (.selfValue, "self"), (.someValue, "some"),
        ]
        for (value, raw) in expected {
            #expect(value.rawValue == raw)
            #expect(Widget.Class(rawValue: raw) == value)
            #expect(try JSON.decode([Widget.Class].self, "[\"\(raw)\"]") == [value])
        }
        #expect(Widget.Class.allCases.count == expected.count)
        #expect(Widget.Class(rawValue: "type") == .unrecognized("type"))
        #expect(ShipmentReturn.Reason(rawValue: "init") == .initValue)
        #expect(ShipmentReturn.Reason.default.rawValue == "default")
        #expect(Shipment.Carrier(rawValue: "drone") == .unrecognized("drone"))
        #expect(try JSON.tree(Shipment.Carrier.unrecognized("drone")) == .string("drone"))
    }

    @Test func aPropertyNamedLikeAGeneratedLocalIsItsOwnValue() throws {
        let json = #"{"id": "shp_3", "object": "shipment", "carrier": "none", "weight_kg": "3", "container": "crate"}"#
        let shipment = try JSON.decode(Shipment.self, json)
        #expect(shipment.container == .crate)
        #expect(shipment.carrier == .noneValue)
        #expect(try JSON.tree(shipment) == JSON.tree(json))
    }
}
