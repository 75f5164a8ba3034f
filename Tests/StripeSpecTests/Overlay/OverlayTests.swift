import Foundation
import SpecYAML
import Testing
@testable import StripeSpec

/// Overlays read, applied to a small spec of our own, and their errors and warnings with places in the overlay.
@Suite("Overlays")
struct OverlayTests {
    private static let spec = """
        openapi: 3.0.0
        info:
          title: Shop
          version: 2024-01-01
        paths:
          /v1/orders:
            get:
              operationId: GetOrders
              tags: [orders]
              parameters:
              - name: limit
                in: query
                schema:
                  type: integer
              responses:
                '200': {description: The orders.}
            post:
              operationId: PostOrders
              responses:
                '200': {description: The order.}
        """

    /// Applies the overlay `text` (written to a file) to ``spec``; returns the tree and the diagnostics.
    private func apply(_ text: String) throws -> (tree: YAMLNode, warnings: [Diagnostic], path: String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("overlay-\(UUID().uuidString).yaml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (tree, warnings) = try SpecOverlays.apply([path], to: try YAMLLoader.load(string: Self.spec, path: "spec.yaml"),
                                                      specPath: "spec.yaml")
        return (tree, warnings, path)
    }

    /// The diagnostics applying `text` throws, with the overlay's path replaced by `overlay`.
    private func errors(_ text: String) throws -> [String] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("overlay-\(UUID().uuidString).yaml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try SpecOverlays.apply([path], to: try YAMLLoader.load(string: Self.spec, path: "spec.yaml"), specPath: "spec.yaml")
            return []
        } catch let error as SpecError {
            return error.diagnostics.map { $0.description.replacingOccurrences(of: path, with: "overlay") }
        }
    }

    private let header = "overlay: 1.0.0\ninfo:\n  title: Test\n  version: 1.0.0\nactions:\n"

    @Test("an update merges mappings recursively, appends to sequences and replaces scalars")
    func mergeSemantics() throws {
        let (tree, warnings, _) = try apply(header + """
            - target: $.paths['/v1/orders'].get
              update:
                operationId: ListOrders
                tags: [shop]
                summary: Orders
                parameters:
                - name: status
                  in: query
            - target: $.paths['/v1/orders'].get.parameters[0].schema
              update:
                minimum: 1
            """)
        #expect(warnings.isEmpty)
        let get = try #require(tree["paths"]?["/v1/orders"]?["get"])
        #expect(get["operationId"]?.string == "ListOrders")
        #expect(get["tags"]?.items?.map(\.string) == ["orders", "shop"])
        #expect(get["summary"]?.string == "Orders")
        #expect(get["parameters"]?.items?.map { $0["name"]?.string } == ["limit", "status"])
        #expect(get["parameters"]?.items?.first?["schema"]?.pairs?.map(\.keyText) == ["type", "minimum"])
        // Keys keep their order; new keys come after the old ones.
        #expect(get.pairs?.map(\.keyText) == ["operationId", "tags", "parameters", "responses", "summary"])
    }

    @Test("an update of a sequence appends the value as one item; nodes from the overlay keep their marks")
    func appendToSequence() throws {
        let (tree, _, _) = try apply(header + """
            - target: $.paths['/v1/orders'].get.parameters
              update:
                name: created
                in: query
            """)
        let parameters = try #require(tree["paths"]?["/v1/orders"]?["get"]?["parameters"]?.items)
        #expect(parameters.map { $0["name"]?.string } == ["limit", "created"])
        #expect(parameters[1].mark == Mark(line: 8, column: 5))
    }

    @Test("remove takes each target out of its parent; later actions see the result")
    func removeTargets() throws {
        let (tree, warnings, path) = try apply(header + """
            - target: $.paths.*.post
              remove: true
            - target: $.paths['/v1/orders'].get.parameters[?(@.name == 'limit')]
              remove: true
            - target: $.paths.*.post
              remove: true
            """)
        let orders = try #require(tree["paths"]?["/v1/orders"])
        #expect(orders.pairs?.map(\.keyText) == ["get"])
        #expect(orders["get"]?["parameters"]?.items?.isEmpty == true)
        #expect(warnings.map(\.description) == ["\(path):10:11: warning: target '$.paths.*.post' matches nothing in spec.yaml"])
    }

    @Test("the applied spec reads as a spec")
    func appliedSpecLoads() throws {
        let specPath = FileManager.default.temporaryDirectory.appendingPathComponent("spec-\(UUID().uuidString).yaml").path
        let overlayPath = specPath + ".overlay.yaml"
        try Data(Self.spec.utf8).write(to: URL(fileURLWithPath: specPath))
        try Data((header + """
            - target: $.paths['/v1/orders'].post
              remove: true
            """).utf8).write(to: URL(fileURLWithPath: overlayPath))
        defer {
            try? FileManager.default.removeItem(atPath: specPath)
            try? FileManager.default.removeItem(atPath: overlayPath)
        }
        let plain = try SpecLoader.load(contentsOf: specPath)
        let patched = try SpecLoader.load(contentsOf: specPath, overlays: [overlayPath])
        #expect(plain.document.operations.map(\.operationID) == ["GetOrders", "PostOrders"])
        #expect(patched.document.operations.map(\.operationID) == ["GetOrders"])
    }

    @Test("a spec error in content an overlay added names the overlay, unless the spec has a node at that line and column")
    func errorsInAddedContent() throws {
        let specPath = FileManager.default.temporaryDirectory.appendingPathComponent("spec-\(UUID().uuidString).yaml").path
        let overlayPath = specPath + ".overlay.yaml"
        try Data(Self.spec.utf8).write(to: URL(fileURLWithPath: specPath))
        try Data((header + """
            - target: $.paths['/v1/orders'].get.parameters
              update:
                name: status
                in: query
                schema:
                  $ref: '#/components/schemas/missing'
            - target: $.paths['/v1/orders'].post
              update:
                requestBody:
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/gone'}
            """).utf8).write(to: URL(fileURLWithPath: overlayPath))
        defer {
            try? FileManager.default.removeItem(atPath: specPath)
            try? FileManager.default.removeItem(atPath: overlayPath)
        }
        let error = try #require(throws: SpecError.self) {
            try SpecLoader.load(contentsOf: specPath, overlays: [overlayPath])
        }
        // 11:7 is also where the spec's `parameters` list starts, so that place stays ambiguous and names the spec.
        #expect(error.diagnostics.map(\.description) == [
            "\(specPath):11:7: error: $ref to unknown schema 'missing'",
            "\(overlayPath):17:19: error: $ref to unknown schema 'gone'",
        ])
    }

    @Test("a malformed overlay document is an error at each place")
    func documentErrors() throws {
        #expect(try errors("overlay: 2.0.0\ninfo: {title: T}\nextra: 1\nactions: []\n") == [
            "overlay:1:10: error: expected 'overlay: 1.0.0', found '2.0.0'",
            "overlay:2:7: error: 'info' needs a string 'version'",
            "overlay:3:1: error: unknown overlay key 'extra' (known: overlay, info, extends, actions, x-...)",
            "overlay:4:10: error: 'actions' must be a non-empty list of actions",
        ])
        #expect(try errors(header + """
            - update: {a: 1}
            - target: $.paths
            - target: $.paths
              update: {a: 1}
              remove: true
            - target: $.paths
              remove: maybe
            - target: [$.paths]
              remove: true
            - target: $.paths
              remove: true
              note: 1
            """) == [
            "overlay:6:3: error: an action needs a 'target' (a JSONPath expression)",
            "overlay:7:3: error: an action needs 'update' or 'remove: true'",
            "overlay:10:11: error: an action either updates or removes its target, not both",
            "overlay:12:11: error: 'remove' must be true or false",
            "overlay:13:11: error: 'target' must be a JSONPath expression, not a sequence",
            "overlay:17:3: error: unknown action key 'note' (known: target, description, update, remove, x-...)",
        ])
    }

    @Test("a bad JSONPath is an error at its character")
    func pathErrors() throws {
        #expect(try errors(header + "- target: $.paths[?(@.name != 'x')]\n  remove: true\n- target: '$..x'\n  remove: true\n") == [
            "overlay:6:28: error: invalid JSONPath '$.paths[?(@.name != 'x')]': only '==' filters are supported",
            "overlay:8:13: error: invalid JSONPath '$..x': recursive descent '..' is not supported",
        ])
    }

    @Test("updates that cannot merge and removing the root are errors at their place in the overlay")
    func applicationErrors() throws {
        #expect(try errors(header + """
            - target: $.paths
              update: [1]
            - target: $.info.title
              update: Other
            - target: $
              remove: true
            """) == [
            "overlay:7:11: error: 'update' must be a mapping to merge into the mapping '$.paths' selects at spec.yaml:6:3, not a sequence",
            "overlay:8:11: error: '$.info.title' selects a scalar at spec.yaml:3:10; an update needs a mapping or a sequence to merge into",
            "overlay:10:11: error: cannot remove the root of the spec",
        ])
    }

    @Test("an overlay file that is missing or not YAML is an error naming it")
    func unreadable() throws {
        #expect(throws: SpecError.self) {
            _ = try SpecOverlays.apply(["/nonexistent/overlay.yaml"], to: try YAMLLoader.load(string: Self.spec),
                                       specPath: "spec.yaml")
        }
        #expect(try errors("a: [1, 2\n").count == 1)
    }
}
