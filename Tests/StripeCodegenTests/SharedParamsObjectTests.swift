import Foundation
@testable import StripeCodegen
import StripeSpec
import Testing

/// A titled inline params object is declared once per param, title and shape, in the first type the naming walk
/// meets it in; every other params field with the same param, title and shape uses that type.
@Suite struct SharedParamsObjectTests {
    /// `POST /v1/gadgets` filters two fields by one range, shaped as the spec's `range_specs`; `POST /v1/widgets`
    /// by the same range, by a range with one more bound under the same title, and by an untitled object.
    private static let paths = """
      /v1/gadgets:
        post:
          operationId: PostGadgets
          requestBody:
            content:
              application/x-www-form-urlencoded:
                schema:
                  type: object
                  properties:
                    created:
                      anyOf:
                        - type: object
                          title: range_specs
                          properties:
                            gt:
                              type: integer
                            lt:
                              type: integer
                        - type: integer
                    updated:
                      anyOf:
                        - type: object
                          title: range_specs
                          properties:
                            gt:
                              type: integer
                            lt:
                              type: integer
                        - type: integer
                    size:
                      type: object
                      properties:
                        width:
                          type: integer
          responses:
            "200":
              description: ok
      /v1/widgets:
        post:
          operationId: PostWidgets
          requestBody:
            content:
              application/x-www-form-urlencoded:
                schema:
                  type: object
                  properties:
                    created:
                      anyOf:
                        - type: object
                          title: range_specs
                          properties:
                            gt:
                              type: integer
                            lt:
                              type: integer
                        - type: integer
                    expires:
                      anyOf:
                        - type: object
                          title: range_specs
                          properties:
                            gt:
                              type: integer
                            lt:
                              type: integer
                            eq:
                              type: integer
                        - type: integer
                    size:
                      type: object
                      properties:
                        width:
                          type: integer
          responses:
            "200":
              description: ok

    """

    private static let schemas = """
        thing:
          type: object
          properties:
            id:
              type: string

    """

    private static func files() throws -> (gadgets: String, widgets: String) {
        let files = try Generation.files(Generation.spec(schemas: schemas, paths: paths))
        return (try Generation.file("Resources/GadgetsAPI+CreateParams.swift", in: files),
                try Generation.file("Resources/WidgetsAPI+CreateParams.swift", in: files))
    }

    @Test func oneShapeUnderOneTitleIsOneTypeAcrossFieldsAndResources() throws {
        let (gadgets, widgets) = try Self.files()
        #expect(gadgets.components(separatedBy: "public struct RangeSpecs: StripeParams").count == 2,
                "declared once in the first params type that has it")
        #expect(!gadgets.contains("RangeSpecsParams"), "the second field uses the first's type, no suffixed copy")
        #expect(gadgets.components(separatedBy: "case rangeSpecs(GadgetsAPI.CreateParams.RangeSpecs)").count == 3)
        #expect(widgets.contains("case rangeSpecs(GadgetsAPI.CreateParams.RangeSpecs)"))
    }

    @Test func anotherShapeOrNoTitleStaysItsOwnType() throws {
        let (gadgets, widgets) = try Self.files()
        #expect(widgets.contains("public struct RangeSpecs: StripeParams"), "one more bound: a type of its own")
        #expect(widgets.contains("case rangeSpecs(WidgetsAPI.CreateParams.RangeSpecs)"))
        #expect(gadgets.contains("public var size: GadgetsAPI.CreateParams.Size?"))
        #expect(widgets.contains("public var size: WidgetsAPI.CreateParams.Size?"), "untitled objects are not shared")
    }

    /// A later resource with the same range uses the existing type; the first holder keeps it.
    @Test func aLaterResourceWithTheSameShapeMovesNothing() throws {
        let before = NamingStage.names(for: try Generation.document(Generation.spec(schemas: Self.schemas,
                                                                                   paths: Self.paths)))
        let gadgets = try #require(Self.paths.components(separatedBy: "  /v1/widgets:").first)
        let zebras = gadgets.replacingOccurrences(of: "/v1/gadgets:", with: "/v1/zebras:")
            .replacingOccurrences(of: "PostGadgets", with: "PostZebras")
        let after = NamingStage.names(for: try Generation.document(Generation.spec(
            schemas: Self.schemas, paths: Self.paths + zebras)))
        #expect(before.objects.count == 2)
        #expect(after.objects == before.objects)
        #expect(after.resources.count == before.resources.count + 1)
    }

    @Test func theShapeTellsShapesAndWordsApart() throws {
        let document = try Generation.document(Generation.spec(schemas: Self.schemas, paths: Self.paths))
        let names = NamingStage.names(for: document)
        let keys = names.objects.keys.filter { $0.title == "range_specs" }
        #expect(keys.count == 2)
        #expect(Set(keys.map(\.field)) == ["range_specs"])
        let withDocs = Generation.spec(schemas: Self.schemas, paths: Self.paths.replacingOccurrences(
            of: "eq:\n", with: "eq:\n" + String(repeating: " ", count: 26) + "description: Exactly this.\n"))
        let documented = NamingStage.names(for: try Generation.document(withDocs))
        #expect(documented.objects.count == names.objects.count)
        #expect(Set(documented.objects.keys) != Set(names.objects.keys), "a description is part of the shape")
    }
}
