import Foundation
import StripeCodegen
import Testing

/// Request parameters: form-body deep objects, validation, `""` to unset, typed `expand`, and query unions.
@Suite struct ParamsGenerationTests {
    /// The resource file keeps the methods; each operation's params are an extension in a file of their own.
    @Test func createParamsWholeResourceAndParamsFiles() throws {
        let files = try Generation.files(InlineSpecs.widgetParams)
        Golden.expect(try Generation.file("Resources/WidgetsAPI.swift", in: files), matches: "Resources/WidgetsAPI.swift")
        Golden.expect(try Generation.file("Resources/WidgetsAPI+CreateParams.swift", in: files),
                      matches: "Resources/WidgetsAPI+CreateParams.swift")
        Golden.expect(try Generation.file("Resources/WidgetsAPI+RetrieveParams.swift", in: files),
                      matches: "Resources/WidgetsAPI+RetrieveParams.swift")
    }

    @Test func createParamsStoredPropertiesEncodingAndValidation() throws {
        let text = try Generation.file("Resources/WidgetsAPI+CreateParams.swift", in: Generation.files(InlineSpecs.widgetParams))
        let params = Excerpt.withoutDocs(Excerpt.declaration("public struct CreateParams", in: text) ?? "")
        let head = params.components(separatedBy: "\n\n").first ?? ""
        Snapshot.expect(head, equals: """
            public struct CreateParams: StripeParams {
                public var label: String
                public var expand: [Widget.ExpandableField]?
                @IndirectOptional public var dimensions: WidgetsAPI.CreateParams.Dimensions?
                public var parts: [WidgetsAPI.CreateParams.Part]?
                public var nickname: Unsettable<String>?
                public var tags: Unsettable<[String: String]>?
            """)
        // Coding and validation sit in an extension below the declarations.
        let coding = Excerpt.declaration("extension WidgetsAPI.CreateParams {", in: text) ?? ""
        // Every field by its wire name as it is: the form encoder writes `Unsettable`, lists and nested params.
        Snapshot.expect(Excerpt.declaration("public func encode(to encoder", in: coding), equals: """
            public func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: FieldKey.self)
                try container.encodeString(label, forKey: "label")
                try container.encodeFieldIfPresent(expand, forKey: "expand")
                try container.encodeFieldIfPresent(dimensions, forKey: "dimensions")
                try container.encodeFieldIfPresent(parts, forKey: "parts")
                try container.encodeFieldIfPresent(nickname, forKey: "nickname")
                try container.encodeFieldIfPresent(tags, forKey: "tags")
            }

            """)
        // maxLength on strings, Unsettable strings, nested objects and each element of a list of objects.
        Snapshot.expect(Excerpt.declaration("public func validate", in: coding), equals: """
            public func validate(at path: ParameterPath) throws {
                try ParameterCheck.maxLength(label, 40, at: path.appending("label"))
                try ParameterCheck.nested(dimensions, at: path.appending("dimensions"))
                try ParameterCheck.each(parts, at: path.appending("parts"))
                try ParameterCheck.maxLength(nickname, 30, at: path.appending("nickname"))
            }

            """)
    }

    @Test func nestedParamsTypesEncodeAndValidateTheirOwnFields() throws {
        let text = try Generation.file("Resources/WidgetsAPI+CreateParams.swift", in: Generation.files(InlineSpecs.widgetParams))
        let part = Excerpt.withoutDocs(Excerpt.declaration("public struct Part:", in: text) ?? "")
        Snapshot.expect(part, equals: """
            public struct Part: StripeParams {
                public var name: String
                public var count: Int?

                public init(
                    name: String,
                    count: Int? = nil
                ) {
                    self.name = name
                    self.count = count
                }
            }

            """)
        let partCoding = Excerpt.withoutDocs(Excerpt.declaration("extension WidgetsAPI.CreateParams.Part {", in: text) ?? "")
        Snapshot.expect(partCoding, equals: """
            extension WidgetsAPI.CreateParams.Part {
                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: FieldKey.self)
                    try container.encodeString(name, forKey: "name")
                    try container.encodeIntIfPresent(count, forKey: "count")
                }

                public func validate(at path: ParameterPath) throws {
                    try ParameterCheck.maxLength(name, 20, at: path.appending("name"))
                }
            }

            """)
        let dimensions = Excerpt.declaration("public struct Dimensions:", in: text) ?? ""
        let dimensionsCoding = Excerpt.declaration("extension WidgetsAPI.CreateParams.Dimensions {", in: text) ?? ""
        #expect(dimensionsCoding.contains("""
                public func validate(at path: ParameterPath) throws {
                    try ParameterCheck.maxLength(caption, 10, at: path.appending("caption"))
                }
            """))
        // An inline string enum becomes a nested open enum, and a keyword case (`in`) is escaped.
        #expect(dimensions.contains("    public var unit: WidgetsAPI.CreateParams.Dimensions.Unit\n"))
        #expect(Excerpt.withoutDocs(dimensions).contains("        case cm\n        case `in`\n        case unrecognized(String)\n"))
    }

    @Test func expandableFieldsBecomeATypedEnumUsedByRetrieve() throws {
        let files = try Generation.files(InlineSpecs.widgetParams)
        let widget = try Generation.file("Models/Widget.swift", in: files)
        Snapshot.expect(Excerpt.declaration("public enum ExpandableField", in: widget, withDocs: true), equals: """
            /// The fields a request can expand from an id into the whole object.
            ///
            /// Values this version does not know decode as `unrecognized`, so new ones never fail.
            public enum ExpandableField: StripeEnum {
                case owner
                case latestPart
                /// A value this version does not know yet.
                case unrecognized(String)

                /// Every known value.
                public static let allCases: [ExpandableField] = [.owner, .latestPart]

                public var rawValue: String {
                    switch self {
                    case .owner: return "owner"
                    case .latestPart: return "latest_part"
                    case .unrecognized(let value): return value
                    }
                }
            }

            """)
        let api = try Generation.file("Resources/WidgetsAPI.swift", in: files)
        let retrieveParams = try Generation.file("Resources/WidgetsAPI+RetrieveParams.swift", in: files)
        let retrieve = Excerpt.withoutDocs(Excerpt.declaration("public struct RetrieveParams", in: retrieveParams) ?? "")
        Snapshot.expect(retrieve.components(separatedBy: "\n\n").first, equals: """
            public struct RetrieveParams: StripeParams {
                public var expand: [Widget.ExpandableField]?
            """)
        Snapshot.expect(Excerpt.declaration("public func retrieve(", in: api), equals: """
            public func retrieve(_ widget: String, _ params: RetrieveParams = RetrieveParams(), options: RequestOptions = RequestOptions()) async throws -> Widget {
                try await client.perform(.get, "/v1/widgets/\\(StripeClient.pathSegment(widget))", params: params, options: options, apiVersion: StripeBindings.apiVersion, operation: StripeOperation("widgets.retrieve", pathTemplate: "/v1/widgets/{widget}"))
            }

            """)
    }

    /// `anyOf [object, ""]` holding nested params: the nested limits must still be checked before sending.
    @Test func unsettableNestedParamsAreValidated() throws {
        let spec = Generation.spec(schemas: InlineSpecs.widgetSchema, paths: """
          /v1/widgets:
            post:
              operationId: PostWidgets
              requestBody:
                content:
                  application/x-www-form-urlencoded:
                    schema:
                      type: object
                      properties:
                        trim:
                          anyOf:
                            - type: object
                              required: [color]
                              properties:
                                color:
                                  type: string
                                  maxLength: 12
                            - type: string
                              enum: [""]
        \(InlineSpecs.widgetResponse())

        """)
        let text = try Generation.file("Resources/WidgetsAPI+CreateParams.swift", in: Generation.files(spec))
        #expect(text.contains("    @IndirectOptional public var trim: Unsettable<WidgetsAPI.CreateParams.Trim>?\n"))
        #expect(text.contains("try ParameterCheck.maxLength(color, 12, at: path.appending(\"color\"))"))
        let validate = Excerpt.declaration("public func validate", in: Excerpt.declaration("extension WidgetsAPI.CreateParams {", in: text) ?? "") ?? ""
        #expect(validate.contains("path.appending(\"trim\")"), "CreateParams.validate:\n\(validate)")
    }

    @Test func createdRangeQueryBecomesParamsUnion() throws {
        let text = try Generation.file("Resources/WidgetsAPI+ListParams.swift", in: Generation.files(InlineSpecs.widgetCreatedFilter))
        let list = Excerpt.declaration("public struct ListParams", in: text) ?? ""
        #expect(list.contains("    public var created: WidgetsAPI.ListParams.Created?\n"))
        Snapshot.expect(Excerpt.declaration("public indirect enum Created", in: list), equals: """
            public indirect enum Created: StripeParams {
                case rangeQuerySpecs(WidgetsAPI.ListParams.RangeQuerySpecs)
                case integer(Int)
            }

            """)
        // The range checks nothing, so neither it nor the union declares `validate(at:)`, and the list params check
        // only their own cursor.
        let created = Excerpt.declaration("extension WidgetsAPI.ListParams.Created {", in: text) ?? ""
        Snapshot.expect(created, equals: """
            extension WidgetsAPI.ListParams.Created {
                public func encode(to encoder: any Encoder) throws {
                    switch self {
                    case .rangeQuerySpecs(let value): var container = encoder.singleValueContainer(); try container.encode(value)
                    case .integer(let value): var container = encoder.singleValueContainer(); try container.encode(value)
                    }
                }
            }

            """)
        #expect(text.components(separatedBy: "func validate").count == 2)
        #expect(text.contains("""
                public func validate(at path: ParameterPath) throws {
                    try ParameterCheck.maxLength(startingAfter, 5000, at: path.appending("starting_after"))
                }
            """))
        let range = Excerpt.withoutDocs(Excerpt.declaration("public struct RangeQuerySpecs", in: text) ?? "")
        #expect(range.hasPrefix("""
            public struct RangeQuerySpecs: StripeParams {
                public var gt: Int?
                public var gte: Int?
                public var lt: Int?
                public var lte: Int?
            """))
    }

    /// The type a union case names must be declared exactly there: `A.B.C` is a struct `C` nested two levels deep.
    @Test func createdRangeQueryMemberIsDeclaredWhereItIsNamed() throws {
        let text = try Generation.file("Resources/WidgetsAPI+ListParams.swift", in: Generation.files(InlineSpecs.widgetCreatedFilter))
        let created = Excerpt.declaration("public indirect enum Created", in: text) ?? ""
        let caseLine = created.components(separatedBy: "\n").first { $0.hasPrefix("    case rangeQuerySpecs(") } ?? ""
        let qualified = caseLine.dropFirst("    case rangeQuerySpecs(".count).dropLast()
        let parts = qualified.split(separator: ".")
        #expect(parts.first == "WidgetsAPI")
        #expect(parts.last == "RangeQuerySpecs")
        let indentation = String(repeating: "    ", count: max(0, parts.count - 1))
        let declarations = text.components(separatedBy: "\n").filter { $0.hasSuffix("struct RangeQuerySpecs: StripeParams {") }
        #expect(declarations == ["\(indentation)public struct RangeQuerySpecs: StripeParams {"], "case names \(qualified)")
        // The declaration sits inside the parent the name gives.
        let parent = parts.dropLast().last.map(String.init) ?? ""
        let parentBlock = Excerpt.declaration("public struct \(parent):", in: text) ?? Excerpt.declaration("public indirect enum \(parent):", in: text) ?? ""
        #expect(parentBlock.contains("public struct RangeQuerySpecs:"))
    }
    /// A params object without fields still opens a keyed container, so inside a list it is an empty object
    /// and not an empty value (which Stripe reads as "clear this field").
    @Test func paramsWithoutFieldsStillOpenTheirContainer() throws {
        let text = try Generation.file("Resources/WidgetsAPI+DeleteParams.swift", in: Generation.files(InlineSpecs.widgetResources))
        let encode = Excerpt.declaration("public func encode(to encoder", in: text) ?? ""
        Snapshot.expect(encode, equals: """
            public func encode(to encoder: any Encoder) throws {
                _ = encoder.container(keyedBy: FieldKey.self)
            }

            """)
        #expect(!text.contains("public var "))
    }
}
