import CodegenOutput
import Foundation
@testable import StripeCodegen
import StripeSpec
import Testing

/// The naming stage decides every name before translation; translation only reads them, so it gives the same
/// output on one thread and on many, and asks for no name the table lacks.
@Suite struct NamingStageTests {
    /// Two objects with ids, so an inline `anyOf` of both becomes a shared union.
    private static let schemas = """
        alpha:
          type: object
          required: [id]
          properties:
            id:
              type: string
        beta:
          type: object
          required: [id]
          properties:
            id:
              type: string

    """

    /// Two objects whose joined name is too long for a union name, so a union of them is named where it is first used.
    private static let longSchemas = """
        a_component_with_a_rather_long_name_one:
          type: object
          properties:
            id:
              type: string
        a_component_with_a_rather_long_name_two:
          type: object
          properties:
            id:
              type: string

    """

    /// `GET path` answering with one of `alpha` or `beta` (or, with `long`, of the two long-named components).
    private static func unionGet(_ path: String, _ operationID: String, long: Bool = false) -> String {
        let members = long ? ["a_component_with_a_rather_long_name_one", "a_component_with_a_rather_long_name_two"]
            : ["alpha", "beta"]
        return """
          \(path):
            get:
              operationId: \(operationID)
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema:
                        anyOf:
                          - $ref: '#/components/schemas/\(members[0])'
                          - $ref: '#/components/schemas/\(members[1])'

        """
    }

    /// `POST path` whose body has an object field called `field`.
    private static func objectPost(_ path: String, _ operationID: String, field: String) -> String {
        """
          \(path):
            post:
              operationId: \(operationID)
              requestBody:
                content:
                  application/x-www-form-urlencoded:
                    schema:
                      type: object
                      properties:
                        \(field):
                          type: object
                          properties:
                            name:
                              type: string
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/alpha'

        """
    }

    /// The names and the translation of `yaml`, and the files printed on one thread and on four.
    private func generated(_ yaml: String) throws -> (names: NameTable, module: TranslatedModule, one: [GeneratedFile],
                                                      four: [GeneratedFile]) {
        let document = try Generation.document(yaml)
        let options = GeneratorOptions(specFileName: Generation.specFileName)
        let names = NamingStage.names(for: document)
        let module = ModuleTranslator.translate(document, names: names, width: 4)
        return (names, module, SwiftGenerator.generate(document, options: options, width: 1, eachFile: { _ in }),
                SwiftGenerator.generate(document, options: options, width: 4, eachFile: { _ in }))
    }

    @Test func aUnionIsNamedOnceByItsMembersAndSharedByEveryResource() throws {
        let yaml = Generation.spec(schemas: Self.schemas, paths: Self.unionGet("/v1/apples", "GetApples")
            + Self.unionGet("/v1/zebras", "GetZebras"))
        let result = try generated(yaml)
        #expect(result.module.unnamed.isEmpty)
        #expect(result.one == result.four)
        #expect(result.names.unions.map(\.name) == ["AlphaOrBeta"])
        #expect(try Generation.file("Resources/ApplesAPI.swift", in: result.one).contains("-> AlphaOrBeta"))
        #expect(try Generation.file("Resources/ZebrasAPI.swift", in: result.one).contains("-> AlphaOrBeta"))
    }

    @Test func aUnionWithATooLongJoinedNameIsNamedWhereItIsFirstUsed() throws {
        let yaml = Generation.spec(schemas: Self.schemas + Self.longSchemas,
                                   paths: Self.unionGet("/v1/apples", "GetApples", long: true)
                                       + Self.unionGet("/v1/zebras", "GetZebras", long: true))
        let result = try generated(yaml)
        #expect(result.module.unnamed.isEmpty)
        #expect(result.one == result.four)
        #expect(result.names.unions.map(\.name) == ["ApplesAPIRetrieveResponse"])
        #expect(try Generation.file("Resources/ZebrasAPI.swift", in: result.one).contains("-> ApplesAPIRetrieveResponse"))
    }

    @Test func aNestedNameAvoidsTheTopLevelNamesTakenBeforeItsScopeOpened() throws {
        // `apples_api` would be `ApplesAPI`, which the first resource takes at the top level.
        let yaml = Generation.spec(schemas: Self.schemas, paths: Self.objectPost("/v1/apples", "PostApples", field: "name")
            + Self.objectPost("/v1/zebras", "PostZebras", field: "apples_api"))
        let result = try generated(yaml)
        #expect(result.module.unnamed.isEmpty)
        #expect(result.one == result.four)
        let claims = result.names.nestedNames[.resource(["zebras"])] ?? []
        #expect(claims.contains(NameTable.Claim(base: "ApplesAPI", suffix: "Params", name: "ApplesAPIParams")))
        #expect(try Generation.file("Resources/ZebrasAPI+CreateParams.swift", in: result.one).contains("struct ApplesAPIParams"))
    }

    @Test func translationWithoutTheNestedNamesReportsEveryNameItLacks() throws {
        let yaml = Generation.spec(schemas: Self.schemas, paths: Self.objectPost("/v1/apples", "PostApples", field: "core"))
        let document = try Generation.document(yaml)
        var names = NamingStage.names(for: document)
        #expect(!names.nestedNames.isEmpty)
        names.nestedNames = [:]
        let module = ModuleTranslator.translate(document, names: names, width: 1)
        #expect(module.unnamed.contains("ApplesAPI: CreateParams"))
    }

    @Test func theWidgetAPIPrintsTheSameOnOneThreadAndOnFour() throws {
        let result = try generated(InlineSpecs.widgetResources)
        #expect(result.module.unnamed.isEmpty)
        #expect(result.one == result.four)
        #expect(result.one.count > 5)
    }
}
