import Foundation
import Testing
import StripeRuntime

/// A value coded only through the one-name field helpers generated code calls: each typed helper, required and
/// optional, and the generic ones for a nested value and a list.
private struct Shipment: Codable, Hashable, Sendable {
    struct Parcel: Codable, Hashable, Sendable {
        var label: String
    }

    var carrier: String
    var note: String?
    var weight: Int
    var pieces: Int?
    var price: Double
    var discount: Double?
    var fragile: Bool
    var signed: Bool?
    var parcel: Parcel
    var tags: [String]?

    init(carrier: String, note: String? = nil, weight: Int, pieces: Int? = nil, price: Double,
         discount: Double? = nil, fragile: Bool, signed: Bool? = nil, parcel: Parcel, tags: [String]? = nil) {
        self.carrier = carrier
        self.note = note
        self.weight = weight
        self.pieces = pieces
        self.price = price
        self.discount = discount
        self.fragile = fragile
        self.signed = signed
        self.parcel = parcel
        self.tags = tags
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: FieldKey.self)
        carrier = try container.decodeString(forKey: "carrier")
        note = try container.decodeStringIfPresent(forKey: "note")
        weight = try container.decodeInt(forKey: "weight")
        pieces = try container.decodeIntIfPresent(forKey: "pieces")
        price = try container.decodeDouble(forKey: "price")
        discount = try container.decodeDoubleIfPresent(forKey: "discount")
        fragile = try container.decodeBool(forKey: "fragile")
        signed = try container.decodeBoolIfPresent(forKey: "signed")
        parcel = try container.decodeField(Parcel.self, forKey: "parcel")
        tags = try container.decodeFieldIfPresent([String].self, forKey: "tags")
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: FieldKey.self)
        try container.encodeString(carrier, forKey: "carrier")
        try container.encodeStringIfPresent(note, forKey: "note")
        try container.encodeInt(weight, forKey: "weight")
        try container.encodeIntIfPresent(pieces, forKey: "pieces")
        try container.encodeDouble(price, forKey: "price")
        try container.encodeDoubleIfPresent(discount, forKey: "discount")
        try container.encodeBool(fragile, forKey: "fragile")
        try container.encodeBoolIfPresent(signed, forKey: "signed")
        try container.encodeField(parcel, forKey: "parcel")
        try container.encodeFieldIfPresent(tags, forKey: "tags")
    }
}

@Suite struct FieldCodingTests {
    private let complete = """
        {"carrier": "postal", "note": "leave at the door", "weight": 1200, "pieces": 3, "price": 12.5,
         "discount": 0.25, "fragile": true, "signed": false, "parcel": {"label": "A-17"}, "tags": ["gift", "express"]}
        """
    private let minimal = """
        {"carrier": "postal", "weight": 1200, "price": 12.5, "fragile": false, "parcel": {"label": "A-17"}}
        """

    private func decode(_ json: String) throws -> Shipment {
        try JSONDecoder().decode(Shipment.self, from: Data(json.utf8))
    }

    /// The JSON object `value` encodes to, as Foundation reads it back.
    private func jsonObject(_ value: Shipment) throws -> [String: Any] {
        let data = try JSONEncoder().encode(value)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func everyHelperReadsItsField() throws {
        let shipment = try decode(complete)
        #expect(shipment == Shipment(carrier: "postal", note: "leave at the door", weight: 1200, pieces: 3, price: 12.5,
                                     discount: 0.25, fragile: true, signed: false, parcel: .init(label: "A-17"),
                                     tags: ["gift", "express"]))
    }

    @Test func optionalFieldsAbsentOrNullReadAsNil() throws {
        let absent = try decode(minimal)
        let null = try decode("""
            {"carrier": "postal", "note": null, "weight": 1200, "pieces": null, "price": 12.5, "discount": null,
             "fragile": false, "signed": null, "parcel": {"label": "A-17"}, "tags": null}
            """)
        for shipment in [absent, null] {
            #expect(shipment.note == nil && shipment.pieces == nil && shipment.discount == nil)
            #expect(shipment.signed == nil && shipment.tags == nil)
        }
        #expect(absent == null)
    }

    @Test(arguments: ["carrier", "weight", "price", "fragile", "parcel"])
    func aMissingRequiredFieldIsNamed(field: String) throws {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(minimal.utf8)) as? [String: Any])
        object[field] = nil
        let data = try JSONSerialization.data(withJSONObject: object)
        do {
            _ = try JSONDecoder().decode(Shipment.self, from: data)
            Issue.record("decoded without \(field)")
        } catch DecodingError.keyNotFound(let key, _) {
            #expect(key.stringValue == field)
        }
    }

    @Test func aRequiredFieldThatIsNullIsAnErrorAtItsKey() throws {
        do {
            _ = try decode(minimal.replacingOccurrences(of: "\"weight\": 1200", with: "\"weight\": null"))
            Issue.record("decoded a null weight")
        } catch DecodingError.valueNotFound(_, let context) {
            #expect(context.codingPath.last?.stringValue == "weight")
        }
    }

    @Test func aFieldOfTheWrongTypeIsAnErrorAtItsKey() throws {
        for (from, to) in [("\"weight\": 1200", "\"weight\": \"1200\""), ("\"fragile\": false", "\"fragile\": 0"),
                           ("\"price\": 12.5", "\"price\": \"12.5\""), ("\"carrier\": \"postal\"", "\"carrier\": 7")] {
            do {
                _ = try decode(minimal.replacingOccurrences(of: from, with: to))
                Issue.record("decoded \(to)")
            } catch DecodingError.typeMismatch(_, let context) {
                #expect(context.codingPath.last?.stringValue == from.split(separator: "\"")[0].description)
            }
        }
    }

    @Test func nilFieldsAreLeftOutAndTheRestKeepTheirJSONTypes() throws {
        let written = try jsonObject(decode(minimal))
        #expect(Set(written.keys) == ["carrier", "weight", "price", "fragile", "parcel"])
        #expect(written["weight"] as? Int == 1200)
        #expect(written["price"] as? Double == 12.5)
        #expect(written["fragile"] as? Bool == false)
        #expect((written["parcel"] as? [String: Any])?["label"] as? String == "A-17")
    }

    @Test func aDecodedValueEncodesBackToItself() throws {
        for json in [complete, minimal] {
            let shipment = try decode(json)
            #expect(try JSONDecoder().decode(Shipment.self, from: JSONEncoder().encode(shipment)) == shipment)
        }
    }

    @Test func formEncodingLeavesOutNilFieldsToo() throws {
        let fields = try FormEncoder().encode(decode(complete))
        let names = fields.map(\.name)
        #expect(names.contains("note") && names.contains("pieces") && names.filter { $0 == "tags[]" }.count == 2)
        let minimalFields = try FormEncoder().encode(decode(minimal))
        #expect(Set(minimalFields.map(\.name)) == ["carrier", "weight", "price", "fragile", "parcel[label]"])
        #expect(minimalFields.first { $0.name == "weight" }?.value == "1200")
        #expect(minimalFields.first { $0.name == "fragile" }?.value == "false")
    }
}
