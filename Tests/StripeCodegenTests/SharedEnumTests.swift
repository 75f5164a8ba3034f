import Foundation
@testable import StripeCodegen
import StripeSpec
import Testing

/// String enums are declared once per field and value list, in the first type the naming walk meets them in, and
/// every model and params field with that name and those values uses the one type.
@Suite struct SharedEnumTests {
    /// `alpha` and `beta` share `status`; `gamma`'s `status` is a superset, so it stays apart.
    private static let schemas = """
        alpha:
          type: object
          properties:
            status:
              type: string
              enum: [open, closed]
        beta:
          type: object
          properties:
            status:
              type: string
              enum: [closed, open]
            reason:
              type: string
              enum: [none, some, duplicate]
        gamma:
          type: object
          properties:
            status:
              type: string
              enum: [open, closed, expired]

    """

    /// `POST /v1/betas` setting `status` and `reason` with the same values as `beta`.
    private static let paths = """
      /v1/betas:
        post:
          operationId: PostBetas
          requestBody:
            content:
              application/x-www-form-urlencoded:
                schema:
                  type: object
                  properties:
                    status:
                      type: string
                      enum: [open, closed]
                    reason:
                      type: string
                      enum: [duplicate, none, some]
          responses:
            "200":
              description: ok
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/beta'

    """

    private static func names(extraSchemas: String = "") throws -> NameTable {
        NamingStage.names(for: try Generation.document(Generation.spec(schemas: schemas + extraSchemas, paths: paths)))
    }

    @Test func equalListsUnderOneFieldAreOneTypeAndSupersetsStayApart() throws {
        let files = try Generation.files(Generation.spec(schemas: Self.schemas, paths: Self.paths))
        let alpha = try Generation.file("Models/Alpha.swift", in: files)
        let beta = try Generation.file("Models/Beta.swift", in: files)
        let gamma = try Generation.file("Models/Gamma.swift", in: files)
        let params = try Generation.file("Resources/BetasAPI+CreateParams.swift", in: files)
        #expect(alpha.contains("public enum Status: StripeEnum"))
        #expect(beta.contains("public var status: Alpha.Status?"))
        #expect(!beta.contains("enum Status"))
        #expect(gamma.contains("public enum Status: StripeEnum"), "a superset is its own type")
        #expect(params.contains("public var status: Alpha.Status?"))
        #expect(params.contains("public var reason: Beta.Reason?"))
        #expect(!params.contains("StripeEnum"), "the params declare no enum of their own")
    }

    @Test func noCaseIsNamedLikeOptionalsCases() throws {
        let files = try Generation.files(Generation.spec(schemas: Self.schemas, paths: Self.paths))
        let beta = try Generation.file("Models/Beta.swift", in: files)
        #expect(beta.contains("case noneValue\n"))
        #expect(beta.contains("case someValue\n"))
        #expect(beta.contains("case .noneValue: return \"none\""))
        #expect(!beta.contains("case none\n") && !beta.contains("case some\n"))
    }

    @Test func addingSchemasRenamesNoExistingEnum() throws {
        let before = try Self.names().enums
        // An unrelated schema, and one whose `status` has another value list, sorting before every other.
        let after = try Self.names(extraSchemas: """
            aardvark:
              type: object
              properties:
                status:
                  type: string
                  enum: [pending, done]
            zebra:
              type: object
              properties:
                id:
                  type: string

        """).enums
        for (key, shared) in before { #expect(after[key] == shared, "\(key.field) \(key.values) moved") }
        #expect(after.count == before.count + 1)
        #expect(after[NameTable.EnumKey(field: "status", values: ["pending", "done"])]?.name == "Aardvark.Status")
    }

    /// The documented exception: a new holder of an identical list that comes first in the walk declares it.
    @Test func aNewFirstHolderOfTheSameListDeclaresIt() throws {
        let after = try Self.names(extraSchemas: """
            aardvark:
              type: object
              properties:
                status:
                  type: string
                  enum: [open, closed]

        """).enums
        #expect(after[NameTable.EnumKey(field: "status", values: ["open", "closed"])]?.name == "Aardvark.Status")
    }

    /// Every inline enum of the Checkout spec (and of Stripe's full spec, when present) is declared once per field
    /// and value list.
    @Test func checkoutSpecDeclaresEachFieldAndListOnce() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        var specs = [root.appendingPathComponent("Specs/checkout.yaml").path]
        if let folder = ProcessInfo.processInfo.environment["STRIPE_SHARED_DATA"], !folder.isEmpty {
            specs.append(folder + "/spec3-2023-08-16.yaml")
        }
        for spec in specs {
            let document = try SpecLoader.load(contentsOf: spec).document
            let names = NamingStage.names(for: document)
            let module = ModuleTranslator.translate(document, names: names)
            let enums = EnumCensus(module)
            print("\(URL(fileURLWithPath: spec).lastPathComponent): \(enums.declared.count) enums declared, "
                  + "\(enums.distinctLists) distinct value lists, \(enums.inline.count) inline")
            let keys = enums.inline.map { NameTable.EnumKey(field: $0.field, values: $0.values) }
            #expect(Set(keys).count == keys.count, "\(spec): an inline enum is declared twice")
            #expect(enums.declared.count < 2 * enums.distinctLists, "\(spec): too many copies")
            // Every shared enum the fields use is declared where the table says, and nothing else is declared.
            let missing = names.enums.values.map(\.name).filter { !enums.qualifiedNames.contains($0) }
            #expect(missing.isEmpty, "\(spec): used but not declared: \(missing.prefix(5))")
            #expect(enums.inline.count == names.enums.count)
        }
    }
}

/// The enums a translated module declares: every one, and the inline ones with the field they are named from.
private struct EnumCensus {
    var declared: [EnumIR] = []
    var inline: [(field: String, values: [String])] = []
    /// Every declared enum's qualified Swift name.
    var qualifiedNames: Set<String> = []

    var distinctLists: Int { Set(declared.map { Set($0.values.filter { !$0.isEmpty }) }).count }

    init(_ module: TranslatedModule) {
        module.models.forEach { visit($0, in: "") }
        for resource in module.resources {
            resource.nested.forEach { visit($0, in: resource.typeName + ".") }
            resource.operations.forEach { visit(.structure($0.params), in: resource.typeName + ".") }
        }
    }

    private mutating func visit(_ decl: TypeDeclIR, in parent: String) {
        switch decl {
        case .structure(let structure):
            structure.nested.forEach { visit($0, in: parent + structure.name + ".") }
        case .enumeration(let enumeration):
            declared.append(enumeration)
            qualifiedNames.insert(parent + enumeration.name)
            // Inline enums say which field's values they are: "The values `status` takes."
            if let line = enumeration.documentation.first, line.hasPrefix("The values `"), line.hasSuffix("` takes.") {
                inline.append((String(line.dropFirst(12).dropLast(8)), enumeration.values))
            }
        case .union: break
        }
    }
}
