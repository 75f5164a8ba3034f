import SpecYAML
import Testing
@testable import StripeSpec

/// A small spec of our own; `schemas` and `paths` are spliced in at fixed lines so diagnostics have known places.
///
/// Line 1 `openapi`, 2–4 `info`, 5 `paths:`, then the path lines, then `components:`/`schemas:` and the schema lines.
private func spec(paths: String, schemas: String) -> String {
    """
    openapi: 3.0.0
    info:
      title: Shop
      version: 2024-01-01
    paths:
    \(paths)
    components:
      schemas:
    \(schemas)
    """
}

/// A path item with one operation that answers with `$ref: order`; starts at line 6.
private let orderPath = """
  /v1/orders/{order}:
    get:
      operationId: GetOrder
      parameters:
        - in: path
          name: order
          required: true
          schema:
            type: string
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/order'
"""

/// An `order` schema; with `orderPath` above it starts at line 24.
private let orderSchema = """
    order:
      type: object
      properties:
        id:
          type: string
        total:
          type: integer
"""

/// Loads `source` as `shop.yaml` and returns every diagnostic, thrown errors or warnings, as printed.
private func diagnostics(_ source: String) -> [String] {
    do {
        return try SpecLoader.load(bytes: Array(source.utf8), path: "shop.yaml").warnings.map(\.description)
    } catch {
        return error.diagnostics.map(\.description)
    }
}

@Suite("Spec diagnostics point at path:line:column")
struct DiagnosticTests {
    @Test("the well-formed base spec loads without diagnostics")
    func baseline() throws {
        let loaded = try SpecLoader.load(bytes: Array(spec(paths: orderPath, schemas: orderSchema).utf8), path: "shop.yaml")
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.document.paths.map(\.path) == ["/v1/orders/{order}"])
        #expect(loaded.document.schemaNames == ["order"])
        #expect(loaded.document.apiVersion == "2024-01-01")
        #expect(loaded.document.operations.first?.successSchema?.referenceName == "order")
    }

    @Test("a $ref to a missing schema is an error at the schema holding it")
    func danglingReference() {
        let schemas = orderSchema + """

                customer:
                  $ref: '#/components/schemas/customer'
        """
        // The `customer` property is line 31; its schema mapping starts at `$ref` on line 32, column 11.
        #expect(diagnostics(spec(paths: orderPath, schemas: schemas))
                == ["shop.yaml:32:11: error: $ref to unknown schema 'customer'"])
    }

    @Test("a component that only refers to itself is an error, and resolving it ends")
    func selfReference() throws {
        let schemas = orderSchema + """

            loop:
              $ref: '#/components/schemas/loop'
        """
        #expect(diagnostics(spec(paths: orderPath, schemas: schemas))
                == ["shop.yaml:32:7: error: schema 'loop' is a chain of references that never reaches a schema"])
    }

    @Test("a scalar where a schema belongs is an error at the scalar")
    func scalarForSchema() {
        let schemas = orderSchema + """

            note: a free text note
        """
        #expect(diagnostics(spec(paths: orderPath, schemas: schemas))
                == ["shop.yaml:31:11: error: schema 'note': expected a schema mapping, found a scalar"])
    }

    @Test("a path parameter with no placeholder in the path is an error at the parameter")
    func parameterWithoutPlaceholder() {
        let paths = orderPath.replacingOccurrences(of: "/v1/orders/{order}:", with: "/v1/orders:")
            .replacingOccurrences(of: "{order}", with: "")
        let found = diagnostics(spec(paths: paths, schemas: orderSchema))
        #expect(found == ["shop.yaml:10:11: error: GET /v1/orders: path parameter 'order' has no '{order}' in the path"])
    }

    @Test("a placeholder with no path parameter is an error at the operation")
    func placeholderWithoutParameter() {
        let paths = orderPath.replacingOccurrences(of: "/v1/orders/{order}:", with: "/v1/orders/{order}/lines/{line}:")
        let found = diagnostics(spec(paths: paths, schemas: orderSchema))
        #expect(found == ["shop.yaml:8:7: error: GET /v1/orders/{order}/lines/{line}: placeholder '{line}' has no path parameter"])
    }

    @Test("properties that are not a mapping are an error at the value")
    func propertiesNotAMapping() {
        let schemas = """
            order:
              type: object
              properties:
                - id
                - total
        """
        #expect(diagnostics(spec(paths: orderPath, schemas: schemas))
                == ["shop.yaml:27:9: error: schema 'order': 'properties' must be a mapping, found a sequence"])
    }

    @Test("an unknown type is an error at the type's value")
    func unknownType() {
        let schemas = orderSchema.replacingOccurrences(of: "type: integer", with: "type: money")
        #expect(diagnostics(spec(paths: orderPath, schemas: schemas))
                == ["shop.yaml:30:17: error: schema 'order'.total: unknown type 'money'"])
    }

    @Test("an unsupported keyword is a warning at the keyword, and the spec still loads")
    func unsupportedKeyword() throws {
        let schemas = orderSchema.replacingOccurrences(of: "type: integer", with: "type: integer\n          minimum: 0")
        let source = spec(paths: orderPath, schemas: schemas)
        let loaded = try SpecLoader.load(bytes: Array(source.utf8), path: "shop.yaml")
        #expect(loaded.warnings.map(\.description)
                == ["shop.yaml:31:11: warning: schema 'order'.total: unsupported schema keyword 'minimum' is ignored"])
        #expect(loaded.warnings.allSatisfy { $0.severity == .warning })
        #expect(loaded.document.schema(named: "order")?.object?.property("total") != nil)
    }

    @Test("several errors are all reported, sorted by place")
    func severalErrors() {
        let schemas = orderSchema.replacingOccurrences(of: "type: integer", with: "type: money") + """

                customer:
                  $ref: '#/components/schemas/customer'
        """
        let found = diagnostics(spec(paths: orderPath, schemas: schemas))
        #expect(found == ["shop.yaml:30:17: error: schema 'order'.total: unknown type 'money'",
                          "shop.yaml:32:11: error: $ref to unknown schema 'customer'"])
    }

    @Test("a YAML syntax error surfaces as a spec error with libyaml's place")
    func syntaxError() {
        let source = spec(paths: orderPath, schemas: orderSchema).replacingOccurrences(
            of: "operationId: GetOrder", with: "operationId: [GetOrder")
        do {
            _ = try SpecLoader.load(bytes: Array(source.utf8), path: "shop.yaml")
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.diagnostics.count == 1)
            let diagnostic = error.diagnostics[0]
            #expect(diagnostic.severity == .error)
            #expect(diagnostic.location.path == "shop.yaml")
            // The flow sequence opened on line 8 never closes; libyaml notices on the next line.
            #expect(diagnostic.location.mark.line == 9, "\(diagnostic)")
            #expect(diagnostic.description.hasPrefix("shop.yaml:9:"))
            #expect(diagnostic.description.contains(": error: "))
        }
    }

    @Test("a duplicate key is a spec error at the second key")
    func duplicateKey() {
        let schemas = orderSchema.replacingOccurrences(of: "        total:", with: "        id:")
        #expect(diagnostics(spec(paths: orderPath, schemas: schemas))
                == ["shop.yaml:29:9: error: duplicate mapping key 'id' (first at 27:9)"])
    }

    @Test("a missing file is a spec error naming the file")
    func missingFile() {
        do {
            _ = try SpecLoader.load(contentsOf: "/nonexistent/spec.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["/nonexistent/spec.yaml:1:1: error: cannot read the spec file"])
        }
    }
}
