import Foundation
import StripeCodegen
import Testing

/// Component objects and enums: names, optionality, keys, and the runtime helpers their coding uses.
@Suite struct ModelGenerationTests {
    let gadget: String

    init() throws {
        gadget = try Generation.file("Models/Gadget.swift", in: Generation.files(InlineSpecs.gadget))
    }

    @Test func storedPropertiesHaveSwiftNamesAndOptionality() throws {
        let body = try Generation.body(gadget)
        let declaration = Excerpt.declaration("public struct Gadget:", in: body, withDocs: true) ?? ""
        let head = declaration.components(separatedBy: "\n\n").first ?? ""
        // Required -> optional unless Stripe always sends it (`id`, `object`, `created`, `livemode`), since a response
        // of another API version may lack it; optional or nullable -> optional; `_id`/`_ids`/`_url` -> acronyms;
        // keyword escaped.
        Snapshot.expect(head, equals: """
            /// The `gadget` object.
            ///
            /// - Remark: Generated from `#/components/schemas/gadget`.
            public struct Gadget: Codable, Hashable, Sendable, StripeIdentifiable {
                /// `id`: required, at most 5000 characters.
                public var id: String
                /// `object`: required.
                public var object: String
                /// `display_name`: required.
                public var displayName: String?
                /// `owner_url`: required.
                public var ownerURL: String?
                /// `default`: required.
                public var `default`: Bool?
                /// `note`: required, may be null.
                public var note: String?
                /// `nickname`.
                public var nickname: String?
                /// `api_key_ids`.
                public var apiKeyIDs: [String]?
                /// `created`: required, a point in time, sent as unix seconds.
                public var created: Date
                /// `archived_at`: may be null, a point in time, sent as unix seconds.
                public var archivedAt: Date?
                /// `unit_amount_decimal`: may be null.
                public var unitAmountDecimal: Decimal?
                /// `metadata`.
                public var metadata: [String: String]?
                /// `dimensions`: required.
                @IndirectOptional public var dimensions: Gadget.Dimensions?
            """)
    }

    /// Required fields stay arguments without a default, though their types are optional.
    @Test func memberwiseInitializerDefaultsOptionalsToNil() throws {
        let initializer = Excerpt.declaration("public init(", in: gadget)
        Snapshot.expect(initializer, equals: """
            public init(
                id: String,
                object: String,
                displayName: String?,
                ownerURL: String?,
                `default`: Bool?,
                note: String? = nil,
                nickname: String? = nil,
                apiKeyIDs: [String]? = nil,
                created: Date,
                archivedAt: Date? = nil,
                unitAmountDecimal: Decimal? = nil,
                metadata: [String: String]? = nil,
                dimensions: Gadget.Dimensions?
            ) {
                self.id = id
                self.object = object
                self.displayName = displayName
                self.ownerURL = ownerURL
                self.default = `default`
                self.note = note
                self.nickname = nickname
                self.apiKeyIDs = apiKeyIDs
                self.created = created
                self.archivedAt = archivedAt
                self.unitAmountDecimal = unitAmountDecimal
                self.metadata = metadata
                self.dimensions = dimensions
            }

            """)
    }

    /// With no `CodingKeys` enum, each property is read and written by its wire name as a `FieldKey` literal:
    /// `display_name`, `owner_url` and the keyword `default` included.
    @Test func codingUsesEachPropertysWireNameAsFieldKey() {
        let decode = Excerpt.declaration("public init(from decoder", in: gadget) ?? ""
        let encode = Excerpt.declaration("public func encode(to encoder", in: gadget) ?? ""
        let decodeLines = decode.components(separatedBy: "\n")
        let encodeLines = encode.components(separatedBy: "\n")
        #expect(decodeLines.contains("    let container = try decoder.container(keyedBy: FieldKey.self)"))
        #expect(encodeLines.contains("    var container = encoder.container(keyedBy: FieldKey.self)"))
        let wireNames: [(swift: String, wire: String)] = [
            ("id", "id"), ("object", "object"), ("displayName", "display_name"), ("ownerURL", "owner_url"),
            ("default", "default"), ("note", "note"), ("nickname", "nickname"), ("apiKeyIDs", "api_key_ids"),
            ("created", "created"), ("archivedAt", "archived_at"), ("unitAmountDecimal", "unit_amount_decimal"),
            ("metadata", "metadata"), ("dimensions", "dimensions"),
        ]
        for (swift, wire) in wireNames {
            let decoded = decodeLines.filter { $0.hasPrefix("    self.\(swift) = try container.") }
            #expect(decoded.count == 1 && decoded.allSatisfy {
                        $0.hasSuffix("forKey: \"\(wire)\")") || $0.hasSuffix("forKey: \"\(wire)\", in: decoder)")
                    },
                    "\(swift) decodes from \(decoded)")
            let escaped = swift == "default" ? "`default`" : swift
            let encoded = encodeLines.filter { $0.hasPrefix("    try container.") && $0.contains("(\(escaped), forKey: ") }
            #expect(encoded.count == 1 && encoded.allSatisfy { $0.hasSuffix("forKey: \"\(wire)\")") },
                    "\(swift) encodes as \(encoded)")
        }
        // One key per stored property, and nothing else read or written.
        #expect(decodeLines.filter { $0.contains("forKey: ") }.count == wireNames.count)
        #expect(encodeLines.filter { $0.contains("forKey: ") }.count == wireNames.count)
        #expect(!gadget.contains("CodingKeys"))
    }

    @Test func decodingUsesUnixTimeAndDecimalHelpers() {
        Snapshot.expect(Excerpt.declaration("public init(from decoder", in: gadget), equals: """
            public init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: FieldKey.self)
                self.id = try container.decodeString(forKey: "id")
                self.object = try container.decodeString(forKey: "object")
                self.displayName = try container.decodeRequired(String.self, forKey: "display_name", in: decoder)
                self.ownerURL = try container.decodeRequired(String.self, forKey: "owner_url", in: decoder)
                self.default = try container.decodeRequired(Bool.self, forKey: "default", in: decoder)
                self.note = try container.decodeStringIfPresent(forKey: "note")
                self.nickname = try container.decodeStringIfPresent(forKey: "nickname")
                self.apiKeyIDs = try container.decodeFieldIfPresent([String].self, forKey: "api_key_ids")
                self.created = try container.decodeUnixTime(forKey: "created")
                self.archivedAt = try container.decodeUnixTimeIfPresent(forKey: "archived_at")
                self.unitAmountDecimal = try container.decodeDecimalStringIfPresent(forKey: "unit_amount_decimal")
                self.metadata = try container.decodeFieldIfPresent([String: String].self, forKey: "metadata")
                self.dimensions = try container.decodeRequired(Gadget.Dimensions.self, forKey: "dimensions", in: decoder)
            }

            """)
    }

    @Test func encodingUsesUnixTimeAndDecimalHelpers() {
        let encode = Excerpt.declaration("public func encode(to encoder", in: gadget) ?? ""
        let lines = encode.components(separatedBy: "\n")
        #expect(lines.contains(#"    try container.encodeUnixTime(created, forKey: "created")"#))
        #expect(lines.contains(#"    try container.encodeUnixTimeIfPresent(archivedAt, forKey: "archived_at")"#))
        #expect(lines.contains(#"    try container.encodeDecimalStringIfPresent(unitAmountDecimal, forKey: "unit_amount_decimal")"#))
        #expect(lines.contains(#"    try container.encodeFieldIfPresent(metadata, forKey: "metadata")"#))
        #expect(lines.contains(#"    try container.encodeStringIfPresent(displayName, forKey: "display_name")"#))
        #expect(lines.contains(#"    try container.encodeString(id, forKey: "id")"#))
    }

    /// A property named after a Swift keyword must stay escaped where it is used as a value.
    @Test func encodingEscapesKeywordProperty() {
        let encode = Excerpt.declaration("public func encode(to encoder", in: gadget) ?? ""
        #expect(encode.contains(#"    try container.encodeBoolIfPresent(`default`, forKey: "default")"# + "\n"))
        #expect(!encode.isEmpty)
    }

    /// Each required field a response may lack is listed by wire name when nil; fields Stripe always sends are not.
    @Test func missingRequiredFieldsListsTheToleratedFields() {
        Snapshot.expect(Excerpt.declaration("public var missingRequiredFields", in: gadget), equals: """
            public var missingRequiredFields: [String] {
                var names: [String] = []
                if case .none = self.displayName { names.append("display_name") }
                if case .none = self.ownerURL { names.append("owner_url") }
                if case .none = self.default { names.append("default") }
                if case .none = self.dimensions { names.append("dimensions") }
                return names
            }

            """)
    }

    @Test func inlineObjectBecomesNestedStruct() {
        Snapshot.expect(Excerpt.declaration("public struct Dimensions", in: gadget, withDocs: true), equals: """
            /// The `dimensions` object.
            public struct Dimensions: Codable, Hashable, Sendable {
                /// `height`: required.
                public var height: Double?
                /// `width`: may be null.
                public var width: Double?

                /// Creates a value from its fields; optional fields default to `nil`.
                public init(
                    height: Double?,
                    width: Double? = nil
                ) {
                    self.height = height
                    self.width = width
                }
            }

            """)
        Snapshot.expect(Excerpt.declaration("extension Gadget.Dimensions {", in: gadget), equals: """
            extension Gadget.Dimensions {
                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: FieldKey.self)
                    self.height = try container.decodeRequired(Double.self, forKey: "height", in: decoder)
                    self.width = try container.decodeDoubleIfPresent(forKey: "width")
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: FieldKey.self)
                    try container.encodeDoubleIfPresent(height, forKey: "height")
                    try container.encodeDoubleIfPresent(width, forKey: "width")
                }

                /// The fields the spec requires that this value lacks, by wire name (an object from another API
                /// version may lack some); empty when it has them all.
                public var missingRequiredFields: [String] {
                    var names: [String] = []
                    if case .none = self.height { names.append("height") }
                    return names
                }
            }

            """)
    }

    @Test func openEnumComponentWholeFile() throws {
        let files = try Generation.files(InlineSpecs.colors)
        #expect(files.map(\.path).filter { $0.hasPrefix("Models/") } == ["Models/GadgetColor.swift"])
        Golden.expect(try Generation.file("Models/GadgetColor.swift", in: files), matches: "Models/GadgetColor.swift")
    }

    @Test func openEnumHasUnrecognizedCaseAndAllCases() throws {
        let text = try Generation.file("Models/GadgetColor.swift", in: Generation.files(InlineSpecs.colors))
        Snapshot.expect(Excerpt.declaration("public enum GadgetColor", in: text), equals: """
            public enum GadgetColor: StripeEnum {
                case red
                case darkBlue
                case `default`
                /// A value this version does not know yet.
                case unrecognized(String)

                /// Every known value.
                public static let allCases: [GadgetColor] = [.red, .darkBlue, .default]

                public var rawValue: String {
                    switch self {
                    case .red: return "red"
                    case .darkBlue: return "dark_blue"
                    case .default: return "default"
                    case .unrecognized(let value): return value
                    }
                }
            }

            """)
    }

    @Test func recursivePairIsBoxed() throws {
        let files = try Generation.files(InlineSpecs.recursive)
        let nodeA = try Generation.file("Models/NodeA.swift", in: files)
        let nodeB = try Generation.file("Models/NodeB.swift", in: files)
        let lines = { (text: String) in text.components(separatedBy: "\n") }
        #expect(lines(nodeA).contains("    @IndirectOptional public var partner: NodeB?"))
        #expect(lines(nodeA).contains("    public var name: String?"))
        #expect(lines(nodeB).contains("    @IndirectOptional public var origin: NodeA?"))
        #expect(lines(nodeB).contains("    public var name: String?"))
    }

    /// Every property holding a generated struct inline is boxed, recursive or not; strings, enums, unions, lists and
    /// maps are not. A required one takes `Indirect`, an optional one `IndirectOptional`.
    @Test func nestedStructsAreBoxedAndOtherValuesAreNot() throws {
        let yaml = Generation.spec(schemas: """
            holder:
              type: object
              required: [inner]
              properties:
                inner:
                  $ref: '#/components/schemas/leaf'
                spare:
                  $ref: '#/components/schemas/leaf'
                leaves:
                  type: array
                  items:
                    $ref: '#/components/schemas/leaf'
                by_name:
                  type: object
                  additionalProperties:
                    $ref: '#/components/schemas/leaf'
                status:
                  type: string
                  enum: [open, closed]
                label:
                  type: string
            leaf:
              type: object
              properties:
                size:
                  type: integer
        """)
        let holder = try Generation.file("Models/Holder.swift", in: Generation.files(yaml))
        let declaration = Excerpt.withoutDocs(Excerpt.declaration("public struct Holder:", in: holder) ?? "")
        let head = declaration.components(separatedBy: "\n\n").first ?? ""
        Snapshot.expect(head, equals: """
            public struct Holder: Codable, Hashable, Sendable {
                @IndirectOptional public var inner: Leaf?
                @IndirectOptional public var spare: Leaf?
                public var leaves: [Leaf]?
                public var byName: [String: Leaf]?
                public var status: Holder.Status?
                public var label: String?
            """)
    }
}
