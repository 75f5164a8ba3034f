import Foundation
import Testing

/// `diff` as a user runs it: exit statuses 0, 1 and 64, and each output format.
@Suite struct DiffTests {
    /// A model with an optional `note`, and a create operation.
    static let spec = """
        openapi: 3.0.0
        info:
          title: Diff CLI spec
          version: "2099-01-01"
        servers:
          - url: https://api.example.test/
        components:
          schemas:
            gizmo:
              type: object
              required: [id]
              properties:
                id:
                  type: string
                note:
                  type: string
                  nullable: true
        paths:
          /v1/gizmos:
            post:
              operationId: PostGizmos
              responses:
                "200":
                  description: The gizmo.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/gizmo'

        """

    /// `spec` without `note` (one breaking change) and with `size` (one additive change).
    static let changed = spec.replacingOccurrences(of: """
                note:
                  type: string
                  nullable: true
        """, with: """
                size:
                  type: integer
        """)

    /// The 1-based line after the first line holding `needle`: where the property's schema starts.
    static func schemaLine(after needle: String, in text: String) throws -> Int {
        try #require(text.components(separatedBy: "\n").firstIndex { $0.contains(needle) }) + 2
    }

    @Test("nothing breaking exits 0; the text report ends with the counts")
    func unchangedExitsZero() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let old = try folder.write("old.yaml", Self.spec)
        let new = try folder.write("new.yaml", Self.spec)
        let result = try CLI.run(["diff", "--from", old, "--to", new])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout
                == "0 breaking, 0 additive, 0 note (\(old) (API 2099-01-01) -> \(new) (API 2099-01-01))\n")
    }

    @Test("a breaking change exits 1; text lines name the place, the class, the Swift name and the change")
    func breakingExitsOne() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let old = try folder.write("old.yaml", Self.spec)
        let new = try folder.write("new.yaml", Self.changed)
        #expect(Self.changed != Self.spec)
        let result = try CLI.run(["diff", "--from", old, "--to", new])
        #expect(result.status == 1, "\(result.stderr)")
        let removedAt = try Self.schemaLine(after: "note:", in: Self.spec)
        let addedAt = try Self.schemaLine(after: "size:", in: Self.changed)
        #expect(result.stdout.split(separator: "\n").map(String.init) == [
            "\(old):\(removedAt):11: breaking: Gizmo.note: removed (was `String?`)",
            "\(new):\(addedAt):11: additive: Gizmo.size: added (`Int?`)",
            "1 breaking, 1 additive, 0 note (\(old) (API 2099-01-01) -> \(new) (API 2099-01-01))",
        ])
    }

    @Test("usage errors exit 64: a missing --to, an unknown format")
    func usageErrorsExit64() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let old = try folder.write("old.yaml", Self.spec)
        let missing = try CLI.run(["diff", "--from", old])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("--to"))
        let format = try CLI.run(["diff", "--from", old, "--to", old, "--format", "xml"])
        #expect(format.status == 64)
        #expect(format.stderr.contains("xml"))
    }

    @Test("a spec with an error exits 1 with its diagnostics")
    func brokenSpecExitsOne() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let old = try folder.write("old.yaml", Self.spec)
        let broken = try folder.write("broken.yaml", Self.spec.replacingOccurrences(
            of: "'#/components/schemas/gizmo'", with: "'#/components/schemas/gizmoo'"))
        let result = try CLI.run(["diff", "--from", old, "--to", broken])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(broken):") && result.stderr.contains(": error: "), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("--format json has from, to, summary and changes with their places")
    func jsonFormat() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let old = try folder.write("old.yaml", Self.spec)
        let new = try folder.write("new.yaml", Self.changed)
        let result = try CLI.run(["diff", "--from", old, "--to", new, "--format", "json"])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((object["from"] as? [String: Any])?["spec"] as? String == old)
        #expect((object["to"] as? [String: Any])?["apiVersion"] as? String == "2099-01-01")
        #expect(object["summary"] as? [String: Int] == ["breaking": 1, "additive": 1, "note": 0])
        let changes = try #require(object["changes"] as? [[String: Any]])
        #expect(changes.count == 2)
        let removed = try #require(changes.first)
        #expect(removed["impact"] as? String == "breaking")
        #expect(removed["kind"] as? String == "propertyRemoved")
        #expect(removed["symbol"] as? String == "Gizmo.note")
        #expect(removed["group"] as? String == "Gizmo")
        let location = try #require(removed["location"] as? [String: Any])
        #expect(location["path"] as? String == old)
        #expect(location["line"] as? Int == (try Self.schemaLine(after: "note:", in: Self.spec)))
        #expect(location["column"] as? Int == 11)
    }

    @Test("--format markdown gives a section per class and a table per type")
    func markdownFormat() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let old = try folder.write("old.yaml", Self.spec)
        let new = try folder.write("new.yaml", Self.changed)
        let result = try CLI.run(["diff", "--from", old, "--to", new, "--format", "markdown"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "## Swift API changes: Stripe API 2099-01-01 -> 2099-01-01")
        let breaking = try #require(lines.firstIndex(of: "### Breaking (1)"))
        let additive = try #require(lines.firstIndex(of: "### Additive (1)"))
        #expect(breaking < additive)
        #expect(!lines.contains { $0.hasPrefix("### Behaviour notes") }, "no empty sections")
        let removedAt = try Self.schemaLine(after: "note:", in: Self.spec)
        #expect(Array(lines[(breaking + 2)...(breaking + 6)]) == [
            "#### `Gizmo`", "", "| Swift | Change | Spec |", "| --- | --- | --- |",
            "| `Gizmo.note` | removed (was `String?`) | `\(old):\(removedAt):11` |",
        ])
    }
}
