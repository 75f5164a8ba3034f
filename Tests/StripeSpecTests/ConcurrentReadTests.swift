import SpecYAML
import Testing
@testable import StripeSpec

/// Reading schemas and paths on two threads must give what reading them one after the other gives: the same
/// document and the same diagnostics in the same order.
@Suite("Reading schemas and paths concurrently")
struct ConcurrentReadTests {
    /// A spec with `count` schemas and paths, some of them wrong in ways that each side reports.
    static func spec(count: Int) -> String {
        var lines = ["openapi: 3.0.0", "info:", "  title: Shop", "  version: 2024-01-01", "paths:"]
        for index in 0..<count {
            lines += ["  /v1/items\(index)/{item}:", "    get:", "      operationId: GetItem\(index)",
                      "      parameters:", "        - in: path", "          name: item", "          required: true",
                      "          schema:", "            type: \(index % 7 == 3 ? "strange" : "string")",
                      "      responses:", "        '200':", "          description: ok", "          content:",
                      "            application/json:", "              schema:",
                      "                $ref: '#/components/schemas/\(index % 5 == 2 ? "missing" : "item\(index)")'"]
        }
        lines += ["components:", "  schemas:"]
        for index in 0..<count {
            lines += ["    item\(index):", "      type: object", "      properties:", "        id:",
                      "          type: \(index % 6 == 1 ? "wrong" : "string")",
                      "        next:", "          $ref: '#/components/schemas/\(index % 4 == 1 ? "nowhere" : "item0")'"]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The document's names and the diagnostics, read with the given threshold.
    static func read(_ source: String, concurrentMinimum: Int) throws -> (names: [String], diagnostics: [Diagnostic]) {
        let root = try YAMLLoader.load(string: source, path: "shop.yaml")
        var reader = DocumentReader(path: "shop.yaml")
        let (document, diagnostics) = reader.read(root, releasing: true, concurrentMinimum: concurrentMinimum)
        let names = document.schemaNames + document.paths.flatMap { item in
            [item.path] + item.operations.map(\.operationID)
        }
        return (names, diagnostics.all)
    }

    @Test("the same document and diagnostics, in the same order, as reading sequentially", arguments: [10, 80])
    func sameAsSequential(count: Int) throws {
        let source = Self.spec(count: count)
        let sequential = try Self.read(source, concurrentMinimum: .max)
        let concurrent = try Self.read(source, concurrentMinimum: 0)
        #expect(!sequential.diagnostics.isEmpty)
        #expect(concurrent.names == sequential.names)
        #expect(concurrent.diagnostics == sequential.diagnostics)
    }
}
