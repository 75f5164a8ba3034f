import Foundation
import SpecYAML
import Testing
@testable import StripeSpec

/// A workshop API of our own: widgets with expandable makers and owners, parts that nest, and prose to drop.
private let workshopSpec = """
openapi: 3.0.0
info:
  description: The workshop API, in many words.
  title: Workshop
  version: 2024-02-02
servers:
  - url: https://api.workshop.test/
security:
  - basicAuth: []
components:
  securitySchemes:
    basicAuth:
      description: Basic HTTP authentication.
      scheme: basic
      type: http
  schemas:
    error:
      properties:
        message:
          type: string
      type: object
    gadget:
      properties:
        id:
          type: string
      type: object
    maker:
      properties:
        id:
          type: string
      type: object
      x-resourceId: maker
    owner:
      properties:
        id:
          type: string
        widgets:
          items:
            $ref: '#/components/schemas/widget'
          type: array
      type: object
      x-resourceId: owner
    part:
      properties:
        id:
          type: string
        spare:
          $ref: '#/components/schemas/part'
      type: object
    tag:
      properties:
        name:
          type: string
      type: object
    unused:
      properties:
        id:
          type: string
      type: object
    widget:
      description: A widget made in the workshop.
      properties:
        description:
          description: What the widget is for.
          maxLength: 5000
          nullable: true
          type: string
        id:
          maxLength: 5000
          type: string
        label:
          $ref: '#/components/schemas/tag'
        maker:
          anyOf:
            - maxLength: 5000
              type: string
            - $ref: '#/components/schemas/maker'
          description: Who made the widget.
          x-expansionResources:
            oneOf:
              - $ref: '#/components/schemas/maker'
        metadata:
          additionalProperties:
            maxLength: 500
            type: string
          type: object
        owner:
          anyOf:
            - maxLength: 5000
              type: string
            - $ref: '#/components/schemas/owner'
          description: Who owns the widget.
          nullable: true
          x-expansionResources:
            oneOf:
              - $ref: '#/components/schemas/owner'
        parts:
          items:
            $ref: '#/components/schemas/part'
          type: array
        sticker:
          anyOf:
            - $ref: '#/components/schemas/tag'
          nullable: true
      required:
        - id
        - label
      title: Widget
      type: object
      x-expandableFields:
        - label
        - maker
        - owner
        - sticker
      x-resourceId: widget
paths:
  /v1/gadgets:
    get:
      description: List gadgets.
      operationId: GetGadgets
      responses:
        '200':
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/gadget'
          description: Gadgets.
  /v1/widgets:
    get:
      description: List widgets.
      operationId: GetWidgets
      parameters:
        - description: Only widgets with this label.
          in: query
          name: label
          required: false
          schema:
            maxLength: 5000
            type: string
          style: form
      responses:
        '200':
          content:
            application/json:
              schema:
                description: A page of widgets.
                properties:
                  data:
                    items:
                      $ref: '#/components/schemas/widget'
                    type: array
                  has_more:
                    type: boolean
                required:
                  - data
                  - has_more
                type: object
          description: Successful response.
    post:
      description: Make a widget.
      operationId: PostWidgets
      requestBody:
        content:
          application/x-www-form-urlencoded:
            encoding:
              description:
                explode: true
                style: deepObject
              metadata:
                explode: true
                style: deepObject
            schema:
              properties:
                description:
                  anyOf:
                    - maxLength: 5000
                      type: string
                    - enum:
                        - ''
                      type: string
                  description: What the widget is for.
                metadata:
                  additionalProperties:
                    type: string
                  type: object
              type: object
        required: false
      responses:
        '200':
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/widget'
          description: The new widget.
  /v1/widgets/{widget}:
    get:
      operationId: GetWidgetsWidget
      parameters:
        - in: path
          name: widget
          required: true
          schema:
            maxLength: 5000
            type: string
      responses:
        '200':
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/widget'
          description: A widget.
  /v1/widgets/{widget}/parts/{part}:
    get:
      operationId: GetWidgetsWidgetPartsPart
      parameters:
        - in: path
          name: widget
          required: true
          schema:
            type: string
        - in: path
          name: part
          required: true
          schema:
            type: string
      responses:
        '200':
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/part'
          description: A part.
"""

private let workshopConfiguration = TrimConfiguration(
    paths: ["/v1/widgets", "/v1/widgets/*"], schemas: ["error"], cut: ["owner", "tag"])

private func trimmed(_ configuration: TrimConfiguration = workshopConfiguration) throws -> YAMLNode {
    let root = try YAMLLoader.load(string: workshopSpec, path: "workshop.yaml")
    return try SpecTrimmer.trim(root, path: "workshop.yaml", configuration: configuration)
}

private func keys(_ node: YAMLNode?) -> [String] { node?.pairs?.compactMap(\.keyText) ?? [] }

@Suite("Trimming a spec")
struct TrimTests {
    @Test("the workshop fixture is itself a valid spec")
    func fixtureLoads() throws {
        let loaded = try SpecLoader.load(bytes: Array(workshopSpec.utf8), path: "workshop.yaml")
        #expect(loaded.document.paths.count == 4)
        #expect(loaded.warnings.isEmpty)
    }

    @Test("path globs: `*` is one segment, `**` any number of trailing segments")
    func globs() {
        let one = TrimConfiguration(paths: ["/v1/widgets/*"])
        #expect(one.keeps(path: "/v1/widgets/{widget}"))
        #expect(!one.keeps(path: "/v1/widgets"))
        #expect(!one.keeps(path: "/v1/widgets/{widget}/parts/{part}"))
        let many = TrimConfiguration(paths: ["/v1/widgets/**"])
        #expect(many.keeps(path: "/v1/widgets"))
        #expect(many.keeps(path: "/v1/widgets/{widget}"))
        #expect(many.keeps(path: "/v1/widgets/{widget}/parts/{part}"))
        #expect(!many.keeps(path: "/v1/gadgets"))
        #expect(!many.keeps(path: "/v1/widgetsx/1"))
        let exact = TrimConfiguration(paths: ["/v1/widgets"])
        #expect(exact.keeps(path: "/v1/widgets"))
        #expect(!exact.keeps(path: "/v1/widgets/{widget}"))
    }

    @Test("kept paths follow the globs, in source order")
    func keptPaths() throws {
        #expect(keys(try trimmed()["paths"]) == ["/v1/widgets", "/v1/widgets/{widget}"])
        let deep = try trimmed(TrimConfiguration(paths: ["/v1/widgets/**"], cut: ["owner", "tag"]))
        #expect(keys(deep["paths"]) == ["/v1/widgets", "/v1/widgets/{widget}", "/v1/widgets/{widget}/parts/{part}"])
    }

    @Test("a method before a glob keeps only that method's operation on the matching paths")
    func methodGlobs() throws {
        let configuration = TrimConfiguration(paths: ["GET /v1/widgets", "/v1/widgets/*"], cut: ["owner", "tag"])
        let paths = try trimmed(configuration)["paths"]
        #expect(keys(paths?["/v1/widgets"]) == ["get"])
        #expect(keys(paths?["/v1/widgets/{widget}"]) == ["get"])
        #expect(configuration.filter.keeps(method: "get", path: "/v1/widgets"))
        #expect(!configuration.filter.keeps(method: "post", path: "/v1/widgets"))
        #expect(configuration.filter.keeps(method: "delete", path: "/v1/widgets/{widget}"), "a plain glob keeps every method")
        let postOnly = try trimmed(TrimConfiguration(paths: ["post /v1/widgets"], cut: ["owner", "tag"]))
        #expect(keys(postOnly["paths"]?["/v1/widgets"]) == ["post"], "the method is read in any case")

        let bad = try YAMLLoader.load(string: "paths:\n  - FETCH /v1/widgets\n  - v1/widgets\n", path: "trim.yaml")
        do {
            _ = try TrimConfiguration.read(bad, path: "trim.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "trim.yaml:2:5: error: 'paths' entry 'FETCH /v1/widgets' is neither a path glob ('/v1/…') nor a method and a path glob ('GET /v1/…')",
                "trim.yaml:3:5: error: 'paths' entry 'v1/widgets' is neither a path glob ('/v1/…') nor a method and a path glob ('GET /v1/…')",
            ])
        }
    }

    @Test("an optional list of cut resources is dropped like a single reference")
    func dropListOfCutResources() throws {
        let spec = """
        openapi: 3.0.0
        info: {title: Shelf, version: 2024-01-01}
        components:
          schemas:
            book: {type: object, properties: {id: {type: string}}}
            shelf:
              type: object
              required: [id]
              properties:
                id: {type: string}
                books:
                  type: object
                  properties:
                    data: {type: array, items: {$ref: '#/components/schemas/book'}}
                    has_more: {type: boolean}
                pinned:
                  type: object
                  properties:
                    data: {type: array, items: {$ref: '#/components/schemas/book'}}
                    has_more: {type: boolean}
              x-expandableFields: [books]
        paths:
          /v1/shelves:
            get:
              operationId: GetShelves
              responses:
                '200':
                  description: ''
                  content: {application/json: {schema: {$ref: '#/components/schemas/shelf'}}}
        """
        let root = try YAMLLoader.load(string: spec, path: "shelf.yaml")
        let result = try SpecTrimmer.trim(root, path: "shelf.yaml", configuration: TrimConfiguration(paths: ["/v1/shelves"], cut: ["book"]))
        let shelf = try #require(result["components"]?["schemas"]?["shelf"])
        #expect(keys(shelf["properties"]) == ["id"])
        #expect(shelf["x-expandableFields"]?.items?.isEmpty == true)
        #expect(keys(result["components"]?["schemas"]) == ["shelf"])
    }

    @Test("schemas reached through $ref and configured ones are kept, sorted; the rest go")
    func keptSchemas() throws {
        let schemas = try trimmed()["components"]?["schemas"]
        // tag is cut, but a required property still holds it, so it stays; owner is only reached through a cut reference.
        #expect(keys(schemas) == ["error", "maker", "part", "tag", "widget"])
        let top = try trimmed()
        #expect(keys(top) == ["components", "info", "openapi", "paths", "security", "servers"])
        #expect(keys(top["info"]) == ["title", "version"])
    }

    @Test("an expandable reference to a cut resource collapses to its id string")
    func collapseExpandable() throws {
        let widget = try #require(try trimmed()["components"]?["schemas"]?["widget"])
        let owner = try #require(widget["properties"]?["owner"])
        #expect(owner["anyOf"] == nil)
        #expect(owner["x-expansionResources"] == nil)
        #expect(owner["type"]?.string == "string")
        #expect(owner["maxLength"]?.scalar?.int == 5000)
        #expect(owner["nullable"]?.scalar?.bool == true)
        #expect(owner["description"] == nil)
        // A kept resource stays expandable.
        #expect(widget["properties"]?["maker"]?["anyOf"]?.items?.count == 2)
        #expect(widget["x-expandableFields"]?.items?.compactMap(\.string) == ["label", "maker"])
    }

    @Test("optional properties holding only cut references are dropped; required ones stay")
    func dropCutProperties() throws {
        let properties = try #require(try trimmed()["components"]?["schemas"]?["widget"]?["properties"])
        #expect(properties["sticker"] == nil)
        #expect(properties["label"]?["$ref"]?.string == "#/components/schemas/tag")
        #expect(keys(properties) == ["description", "id", "label", "maker", "metadata", "owner", "parts"])
        // Recursive references to kept schemas are left alone.
        #expect(try trimmed()["components"]?["schemas"]?["part"]?["properties"]?["spare"]?["$ref"]?.string
                == "#/components/schemas/part")
    }

    @Test("descriptions are dropped, but a property or form field named `description` is kept")
    func descriptions() throws {
        let root = try trimmed()
        let text = try YAMLEmitter.emit(root)
        for prose in ["in many words", "A widget made", "What the widget is for", "Who owns", "List widgets",
                      "Only widgets with", "Basic HTTP", "A page of widgets", "Successful response"] {
            #expect(!text.contains(prose), "'\(prose)' survived")
        }
        let widget = root["components"]?["schemas"]?["widget"]
        #expect(widget?["description"] == nil)
        let property = try #require(widget?["properties"]?["description"])
        #expect(keys(property) == ["maxLength", "nullable", "type"])
        let form = try #require(root["paths"]?["/v1/widgets"]?["post"]?["requestBody"]?["content"]?["application/x-www-form-urlencoded"])
        #expect(keys(form["schema"]?["properties"]) == ["description", "metadata"])
        #expect(form["schema"]?["properties"]?["description"]?["anyOf"]?.items?.count == 2)
        #expect(keys(form["encoding"]) == ["description", "metadata"])
        #expect(form["encoding"]?["description"]?["style"]?.string == "deepObject")
        // Responses need a description, so the key stays with empty text.
        let response = root["paths"]?["/v1/widgets"]?["get"]?["responses"]?["200"]
        #expect(response?["description"]?.scalar == YAMLScalar("", style: .singleQuoted))
        #expect(root["components"]?["securitySchemes"]?["basicAuth"]?["description"] == nil)
    }

    @Test("keepDescriptions keeps the prose")
    func keepDescriptions() throws {
        let configuration = TrimConfiguration(paths: ["/v1/widgets"], cut: ["owner", "tag"], keepDescriptions: true)
        let text = try YAMLEmitter.emit(try trimmed(configuration))
        #expect(text.contains("A widget made in the workshop."))
        #expect(text.contains("Successful response."))
    }

    @Test("the trimmed spec loads, emits the same bytes twice, and trimming it again changes nothing")
    func deterministicAndIdempotent() throws {
        let first = try YAMLEmitter.emit(try trimmed())
        let second = try YAMLEmitter.emit(try trimmed())
        #expect(first == second)
        #expect(try YAMLEmitter.emit(try trimmed()) == first)
        let loaded = try SpecLoader.load(bytes: Array(first.utf8), path: "trimmed.yaml")
        #expect(loaded.document.operations.count == 3)
        #expect(loaded.warnings.isEmpty)
        let again = try SpecTrimmer.trim(try YAMLLoader.load(string: first, path: "trimmed.yaml"), path: "trimmed.yaml",
                                         configuration: workshopConfiguration)
        #expect(try YAMLEmitter.emit(again) == first)
    }

    @Test("a configured schema that does not exist, or globs that match nothing, are errors")
    func trimErrors() throws {
        let root = try YAMLLoader.load(string: workshopSpec, path: "workshop.yaml")
        #expect(throws: SpecError.self) {
            try SpecTrimmer.trim(root, path: "workshop.yaml", configuration: TrimConfiguration(paths: ["/v2/**"]))
        }
        do {
            _ = try SpecTrimmer.trim(root, path: "workshop.yaml",
                                     configuration: TrimConfiguration(paths: ["/v1/widgets"], schemas: ["nothing"]))
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.map(\.message) == ["configured schema 'nothing' is not in the spec"])
        }
    }

    @Test("reading a configuration: lists, defaults, and errors for unknown keys")
    func readConfiguration() throws {
        let good = try YAMLLoader.load(string: "paths:\n  - /v1/widgets/**\nschemas: [error]\ncut: [owner]\n", path: "trim.yaml")
        let configuration = try TrimConfiguration.read(good, path: "trim.yaml")
        #expect(configuration == TrimConfiguration(paths: ["/v1/widgets/**"], schemas: ["error"], cut: ["owner"]))
        #expect(!configuration.keepDescriptions)

        let unknown = try YAMLLoader.load(string: "paths: [/v1/widgets]\nkeep_descriptions: true\n", path: "trim.yaml")
        do {
            _ = try TrimConfiguration.read(unknown, path: "trim.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.count == 1)
            let description = error.diagnostics.first?.description ?? ""
            #expect(description.hasPrefix("trim.yaml:2:1: error: unknown trim setting 'keep_descriptions' (known: "))
            #expect(description.contains("keepDescriptions"))
        }
        let noPaths = try YAMLLoader.load(string: "cut: [owner]\n", path: "trim.yaml")
        #expect(throws: SpecError.self) { try TrimConfiguration.read(noPaths, path: "trim.yaml") }
        let notAList = try YAMLLoader.load(string: "paths: /v1/widgets\n", path: "trim.yaml")
        do {
            _ = try TrimConfiguration.read(notAList, path: "trim.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.map(\.description).contains("trim.yaml:1:8: error: 'paths' must be a list of strings"))
        }
    }

    @Test("the committed trim configuration reads", arguments: [Repository.path("Specs/trim.yaml")])
    func committedConfiguration(path: String) throws {
        let configuration = try TrimConfiguration.read(try YAMLLoader.load(contentsOf: path), path: path)
        #expect(configuration.paths.prefix(3) == ["/v1/checkout/sessions", "/v1/checkout/sessions/**", "/v1/refunds"])
        #expect(configuration.paths.contains("GET /v1/payment_intents/{intent}"))
        #expect(!configuration.paths.contains { $0.contains("/v1/payment_intents") && !$0.hasPrefix("GET ") },
                "payment intents are read, never created, by a Checkout integration")
        #expect(configuration.schemas == ["event", "error"])
        #expect(configuration.cut.contains("charge"))
        for kept in ["customer", "price", "product", "payment_intent", "subscription", "invoice"] {
            #expect(!configuration.cut.contains(kept))
        }
        #expect(configuration.events.contains("customer.subscription.*"))
    }

    @Test("trimming Stripe's full spec with Specs/trim.yaml reproduces Specs/checkout.yaml byte for byte",
          .enabled(if: SharedData.available, "set STRIPE_SHARED_DATA to ../shared/stripe to run tests on Stripe's full spec"))
    func reproducesCommittedSpec() throws {
        let configPath = Repository.path("Specs/trim.yaml")
        let configuration = try TrimConfiguration.read(try YAMLLoader.load(contentsOf: configPath), path: configPath)
        let root = try YAMLLoader.load(contentsOf: SharedData.specPath)
        let text = try YAMLEmitter.emit(try SpecTrimmer.trim(root, path: SharedData.specPath, configuration: configuration))
        let committed = try #require(FileManager.default.contents(atPath: Repository.path("Specs/checkout.yaml")))
        #expect(Array(text.utf8) == Array(committed), "Specs/checkout.yaml is stale or trimming is not deterministic")
        let loaded = try SpecLoader.load(bytes: Array(text.utf8), path: "checkout.yaml")
        #expect(loaded.document.paths.count == 20)
        #expect(loaded.document.operations.count == 31)
        #expect(loaded.document.schemaNames.count == 157)
        #expect(loaded.document.operations.filter { $0.path.hasPrefix("/v1/payment_intents") }.allSatisfy { $0.method == .get })
    }
}
