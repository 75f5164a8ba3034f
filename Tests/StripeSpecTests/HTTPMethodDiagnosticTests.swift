import Testing
@testable import StripeSpec

/// Which HTTP methods a spec may use: the generated ones are read as operations, OpenAPI's `options` and `trace`
/// are errors at their place, and a HEAD operation's response schema is a warning, as it is never generated.
@Suite struct HTTPMethodDiagnosticTests {
    /// A spec whose one path item (`/v1/things/{thing}`, line 6) holds `operations`, each starting at line 7 or later.
    private func spec(_ operations: String) -> String {
        """
        openapi: 3.0.0
        info:
          title: Things
          version: 2024-01-01
        paths:
          /v1/things/{thing}:
        \(operations)
        """
    }

    /// One operation on `/v1/things/{thing}` with `method`, answering 200 with `content` (if any).
    private func operation(_ method: String, content: String = "") -> String {
        """
            \(method):
              operationId: \(method.capitalized)Thing
              parameters:
                - in: path
                  name: thing
                  required: true
                  schema:
                    type: string
              responses:
                '200':
                  description: ok
        """ + (content.isEmpty ? "" : "\n" + content)
    }

    /// Every diagnostic of loading `source` as `things.yaml`, as printed.
    private func diagnostics(_ source: String) -> [String] {
        do {
            return try SpecLoader.load(bytes: Array(source.utf8), path: "things.yaml").warnings.map(\.description)
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func everyGeneratedMethodIsReadAsAnOperation() throws {
        let source = spec(["get", "put", "post", "patch", "delete", "head"].map { operation($0) }.joined(separator: "\n"))
        let loaded = try SpecLoader.load(bytes: Array(source.utf8), path: "things.yaml")
        #expect(loaded.document.operations.map(\.method) == [.get, .put, .post, .patch, .delete, .head])
        #expect(loaded.warnings.isEmpty)
    }

    @Test(arguments: ["options", "trace"])
    func anUnsupportedMethodIsAnErrorAtItsKey(_ method: String) {
        let source = spec(operation("get") + "\n" + operation(method))
        // `get` takes lines 7-17, so the second operation's key is on line 18, indented 4.
        #expect(diagnostics(source) == [
            "things.yaml:18:5: error: \(method.uppercased()) /v1/things/{thing}: '\(method)' operations cannot be "
                + "generated (the methods generated are get, post, delete, put, patch, head); remove it or trim it "
                + "with an overlay",
        ])
    }

    @Test func aHeadResponseSchemaIsAWarning() {
        let content = """
                      content:
                        application/json:
                          schema:
                            type: object
            """
        let found = diagnostics(spec(operation("head", content: content)))
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("things.yaml:8:7: warning: HEAD /v1/things/{thing}: a HEAD answer has no body") == true)
    }
}
