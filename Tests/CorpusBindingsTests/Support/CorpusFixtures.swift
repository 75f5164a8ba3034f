import Foundation
import StripeRuntime

/// JSON objects of the workshop API, written for these tests.
enum CorpusFixtures {
    static let maker = #"{"id": "mk_1", "object": "maker", "name": "Hollow Oak", "country": "NZ"}"#
    static let deletedMaker = #"{"id": "mk_2", "object": "maker", "deleted": true}"#
    static let photo = #"{"id": "ph_1", "object": "photo", "url": "https://cdn.workshop.test/ph_1.png", "width": 640, "height": 480}"#
    static let shipment = #"{"id": "shp_1", "object": "shipment", "carrier": "post", "weight_kg": "1.25", "delivered_at": 1700000100}"#

    /// A widget with every field present and every nested level filled.
    static let widget = """
        {
          "id": "wd_1",
          "object": "widget",
          "class": "protocol",
          "created": 1700000000,
          "updated": 1700003600,
          "default": true,
          "init": "from-scratch",
          "none": false,
          "protocol": "v2",
          "self": "wd_self",
          "some": 7,
          "metadata": {"batch": "42", "colour": "teal"},
          "unit_cost_decimal": "12.3456",
          "folder": "fld_1",
          "maker": \(maker),
          "previous_maker": \(deletedMaker),
          "attachment": \(photo),
          "parts": {
            "object": "list",
            "url": "/v1/widgets/wd_1/parts",
            "has_more": true,
            "data": [{"id": "wp_1", "object": "widget_part", "quantity": 3}]
          },
          "specs": {
            "weight_grams": 850,
            "finish": {
              "gloss": 0.75,
              "coating": {
                "material": "enamel",
                "layers": [
                  {"thickness_microns": 12, "pigment": {"hex": "#00aaff", "opacity_percent": "87.5"}},
                  {"pigment": {"hex": "#ffffff"}}
                ]
              }
            }
          }
        }
        """

    /// A folder with a parent `depth` levels up, each parent holding the folder below it as its only child's id.
    static func folder(depth: Int) -> String {
        var json = #"{"id": "fld_0", "object": "folder", "name": "root", "created": 1690000000, "metadata": {}}"#
        for level in 1...depth {
            json = """
                {"id": "fld_\(level)", "object": "folder", "name": "level \(level)", "created": \(1690000000 + level),
                 "metadata": {"level": "\(level)"}, "parent": \(json), "parent_id": "fld_\(level - 1)"}
                """
        }
        return json
    }

    /// A tree `depth` levels deep through `children`, two children per folder.
    static func folderTree(depth: Int, id: String = "t") -> String {
        let children = depth == 0 ? "[]" : "[\(folderTree(depth: depth - 1, id: id + "a")), \(folderTree(depth: depth - 1, id: id + "b"))]"
        return #"{"id": "\#(id)", "object": "folder", "name": "\#(id)", "created": 1690000000, "metadata": {}, "children": \#(children)}"#
    }

    /// A shipment returned `depth` times: each return points at the shipment it returns, which was itself a return.
    static func returnedShipment(depth: Int) -> String {
        var json = #"{"id": "shp_0", "object": "shipment", "carrier": "self", "weight_kg": "2"}"#
        for level in 1...depth {
            json = """
                {"id": "shp_\(level)", "object": "shipment", "carrier": "some", "weight_kg": "\(level).5",
                 "return_of": {"reason": "\(level.isMultiple(of: 2) ? "init" : "default")", "original": \(json)}}
                """
        }
        return json
    }

    /// An event of `type` carrying `object`.
    static func event(type: String, object: String) -> String {
        """
        {"id": "evt_1", "object": "event", "type": "\(type)", "created": 1700000200, "livemode": false,
         "data": {"object": \(object), "previous_attributes": {"name": "old"}}}
        """
    }
}

/// Decoding and encoding with plain Foundation coders, as a user of the bindings would.
enum JSON {
    static func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(json.utf8))
    }

    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(value)
    }

    /// The value as generic JSON, to compare documents regardless of key order and spacing.
    static func tree<T: Encodable>(_ value: T) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: encode(value))
    }

    static func tree(_ json: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
    }

    /// Decodes `json`, encodes the value, and decodes that again.
    static func roundTrip<T: Codable>(_ type: T.Type, _ json: String) throws -> (first: T, second: T) {
        let first = try decode(type, json)
        let second = try JSONDecoder().decode(type, from: encode(first))
        return (first, second)
    }
}
