@testable import StripeCodegen
import StripeSpec
import Testing

/// Resources translated on two cores come out exactly as in order, also when the second half's names depend on
/// the first half's claims and it has to be translated again.
@Suite struct TwoCoreResourceTests {
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

    /// The resources and shared unions, in order and on two cores, as text.
    private func translations(_ yaml: String) throws -> (inOrder: String, twoCores: String) {
        let document = try Generation.document(yaml)
        var types = TypeTranslator(table: ComponentTable(document: document))
        _ = types.componentDeclarations()
        var inOrder = ResourceTranslator(types: types)
        var twoCores = inOrder
        let groups = inOrder.groups()
        let inOrderIR = inOrder.translateInOrder(groups[...])
        let twoCoresIR = twoCores.resources()
        func text(_ resources: [ResourceIR], _ translator: ResourceTranslator) -> String {
            String(reflecting: resources) + "\n" + translator.types.unionDeclarations.map(\.name).joined(separator: ",")
        }
        return (text(inOrderIR, inOrder), text(twoCoresIR, twoCores))
    }

    @Test func unionCreatedInTheFirstHalfIsReusedInTheSecond() throws {
        let yaml = Generation.spec(schemas: Self.schemas, paths: Self.unionGet("/v1/apples", "GetApples")
            + Self.unionGet("/v1/zebras", "GetZebras"))
        let result = try translations(yaml)
        #expect(result.twoCores == result.inOrder)
        #expect(result.inOrder.contains("AlphaOrBeta"))
    }

    @Test func unionNamedWhereFirstUsedTakesTheFirstHalfsName() throws {
        // Each half would name the union after its own resource; in order, the second half reuses the first's.
        let yaml = Generation.spec(schemas: Self.schemas + Self.longSchemas,
                                   paths: Self.unionGet("/v1/apples", "GetApples", long: true)
                                       + Self.unionGet("/v1/zebras", "GetZebras", long: true))
        let result = try translations(yaml)
        #expect(result.twoCores == result.inOrder)
        #expect(result.inOrder.contains("ApplesAPIRetrieveResponse"))
        #expect(!result.inOrder.contains("ZebrasAPIRetrieveResponse"))
    }

    @Test func nestedNameTakenByTheFirstHalfIsAvoidedInTheSecond() throws {
        // `apples_api` would be `ApplesAPI`, which the first resource takes at the top level.
        let yaml = Generation.spec(schemas: Self.schemas, paths: Self.objectPost("/v1/apples", "PostApples", field: "name")
            + Self.objectPost("/v1/zebras", "PostZebras", field: "apples_api"))
        let result = try translations(yaml)
        #expect(result.twoCores == result.inOrder)
        #expect(result.inOrder.contains("ApplesAPIParams"))
    }

    @Test func independentHalvesAreKept() throws {
        let yaml = Generation.spec(schemas: Self.schemas, paths: Self.objectPost("/v1/apples", "PostApples", field: "core")
            + Self.unionGet("/v1/zebras", "GetZebras"))
        let result = try translations(yaml)
        #expect(result.twoCores == result.inOrder)
    }
}
