import CodegenOutput
import Foundation
import StripeCodegen
import Testing

/// `anyOf` in responses: expandable references, optional references, and unions told apart by `object`.
@Suite struct ReferenceGenerationTests {
    let files: [GeneratedFile]

    init() throws {
        files = try Generation.files(InlineSpecs.references)
    }

    @Test func referenceShapesMapToSwiftTypes() throws {
        let box = try Generation.file("Models/Box.swift", in: files)
        Snapshot.expect(Excerpt.withoutDocs(Excerpt.declaration("public init(from decoder", in: box) ?? ""), equals: """
            public init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: FieldKey.self)
                self.id = try container.decodeString(forKey: "id")
                self.owner = try container.decodeRequired(Expandable<Gadget>.self, forKey: "owner", in: decoder)
                self.maker = try container.decodeRequired(Expandable<GadgetOrDeletedGadget>.self, forKey: "maker", in: decoder)
                self.spare = try container.decodeFieldIfPresent(Gadget.self, forKey: "spare")
                self.content = try container.decodeRequired(GadgetOrDeletedGadget.self, forKey: "content", in: decoder)
            }

            """)
        let lines = box.components(separatedBy: "\n")
        // `anyOf [string, $ref]` -> Expandable; `anyOf [$ref]` + nullable -> optional; two refs -> shared union.
        // Required ones are optional too, since a response of another API version may lack them. A struct, expanded
        // or not, is boxed; a union is an indirect enum already.
        #expect(lines.contains("    @IndirectOptional public var owner: Expandable<Gadget>?"))
        #expect(lines.contains("    public var maker: Expandable<GadgetOrDeletedGadget>?"))
        #expect(lines.contains("    @IndirectOptional public var spare: Gadget?"))
        #expect(lines.contains("    public var content: GadgetOrDeletedGadget?"))
    }

    @Test func modelFilesAreOnePerComponentPlusTheUnion() {
        #expect(files.map(\.path).filter { $0.hasPrefix("Models/") } == [
            "Models/Box.swift", "Models/DeletedGadget.swift", "Models/Gadget.swift", "Models/GadgetOrDeletedGadget.swift",
        ])
    }

    @Test func unionWholeFile() throws {
        Golden.expect(try Generation.file("Models/GadgetOrDeletedGadget.swift", in: files),
                      matches: "Models/GadgetOrDeletedGadget.swift")
    }

    @Test func unionDecodesByObjectTagWithDeletedFirst() throws {
        let union = try Generation.file("Models/GadgetOrDeletedGadget.swift", in: files)
        Snapshot.expect(Excerpt.declaration("public init(from decoder", in: union), equals: """
            public init(from decoder: any Decoder) throws {
                let tag = try? ObjectTag(from: decoder)
                switch (tag?.object, tag?.deleted ?? false) {
                case ("gadget"?, true):
                    self = .deletedGadget(try DeletedGadget(from: decoder))
                    return
                case ("gadget"?, _):
                    self = .gadget(try Gadget(from: decoder))
                    return
                default:
                    break
                }
                throw DecodingError.dataCorrupted(DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "The value matches none of GadgetOrDeletedGadget's members."))
            }

            """)
        #expect(union.contains("public indirect enum GadgetOrDeletedGadget: Codable, Hashable, Sendable, StripeIdentifiable {\n"
                               + "    case gadget(Gadget)\n    case deletedGadget(DeletedGadget)\n"))
    }
}
