import Foundation
import Testing

/// `generate --config` and `--layout single-file`, the options the build-tool plugin passes.
@Suite("stripe-codegen generate with a config file")
struct ConfigTests {
    @Test("a config keeps the listed operations, renames types and sets the access level, in one file")
    func configuredSingleFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let config = try folder.write("stripe-codegen.yaml", """
            access: internal
            operations: [GetCheckoutSessionsSession]
            typeNames:
              checkout.session: Session
            """)
        let output = folder.file("out")
        let result = try CLI.run(["generate", "--spec", Repository.path("Specs/checkout.yaml"), "--output", output,
                                  "--config", config, "--layout", "single-file"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: output) == ["StripeBindings.swift"])
        let text = try String(contentsOfFile: output + "/StripeBindings.swift", encoding: .utf8)
        #expect(text.contains("struct Session: Codable"))
        #expect(text.contains("func retrieve("))
        #expect(!text.contains("func create("))
        #expect(!text.contains("public struct") && !text.contains("public func") && !text.contains("public var"))
    }

    @Test("unknown keys, bad values and names the spec lacks are errors at their place")
    func configErrors() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let spec = Repository.path("Specs/checkout.yaml")
        let bad = try folder.write("bad.yaml", "access: private\noperation: [x]\ntypeNames:\n  checkout.session: 9a\n")
        let first = try CLI.run(["generate", "--spec", spec, "--output", folder.file("out"), "--config", bad])
        #expect(first.status == 1)
        #expect(first.stderr.split(separator: "\n").map(String.init) == [
            "\(bad):1:9: error: 'access' must be public or internal",
            "\(bad):2:1: error: unknown setting 'operation' (known: access, operations, schemas, typeNames, overlays)",
            "\(bad):4:21: error: '9a' is not a Swift type name",
        ])
        let unknown = try folder.write("unknown.yaml", "operations: [/v1/nothing]\nschemas: [nope]\n")
        let second = try CLI.run(["generate", "--spec", spec, "--output", folder.file("out"), "--config", unknown])
        #expect(second.status == 1)
        #expect(second.stderr.contains("\(unknown):1:14: error: '/v1/nothing' matches no operation"))
        #expect(second.stderr.contains("\(unknown):2:11: error: no component schema named 'nope'"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("out")))
    }
}
