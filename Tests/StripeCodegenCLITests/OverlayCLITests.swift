import Foundation
import Testing

/// `--overlay` on generate, lint and trim, and `overlays` in stripe-codegen.yaml.
@Suite("stripe-codegen with overlays")
struct OverlayCLITests {
    private let header = "overlay: 1.0.0\ninfo:\n  title: Test\n  version: 1.0.0\nactions:\n"
    private let statusFilter = """
        - target: $.paths['/v1/checkout/sessions'].get.parameters
          update:
            in: query
            name: status
            schema:
              enum: [open, complete, expired]
              type: string
        """

    @Test("generate --overlay and a config's overlays (relative to the config) both add the filter")
    func generateWithOverlay() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let spec = Repository.path("Specs/checkout.yaml")
        let overlay = try folder.write("status.yaml", header + statusFilter)
        let flagged = try CLI.run(["generate", "--spec", spec, "--output", folder.file("flag"), "--layout", "single-file",
                                   "--overlay", overlay])
        #expect(flagged.status == 0, "\(flagged.stderr)")
        try FileManager.default.createDirectory(atPath: folder.file("config"), withIntermediateDirectories: true)
        let config = try folder.write("config/stripe-codegen.yaml", "overlays: [../status.yaml]\n")
        let configured = try CLI.run(["generate", "--spec", spec, "--output", folder.file("conf"), "--layout", "single-file",
                                      "--config", config])
        #expect(configured.status == 0, "\(configured.stderr)")
        let plain = try CLI.run(["generate", "--spec", spec, "--output", folder.file("plain"), "--layout", "single-file"])
        #expect(plain.status == 0, "\(plain.stderr)")
        let withFlag = try String(contentsOfFile: folder.file("flag/StripeBindings.swift"), encoding: .utf8)
        let withConfig = try String(contentsOfFile: folder.file("conf/StripeBindings.swift"), encoding: .utf8)
        let without = try String(contentsOfFile: folder.file("plain/StripeBindings.swift"), encoding: .utf8)
        // The filter's values are the session's own statuses, so the param shares the model's enum.
        let filter = "/// `status`.\n        public var status: CheckoutSession.Status?"
        #expect(withFlag.contains(filter))
        #expect(withConfig == withFlag)
        #expect(!without.contains(filter))
    }

    @Test("the shipped overlay and config make the committed Generated/ folder")
    func shippedOverlayIsCurrent() throws {
        let result = try CLI.run(["generate", "--spec", Repository.path("Specs/checkout.yaml"),
                                  "--config", Repository.path("Specs/stripe-codegen.yaml"),
                                  "--output", Repository.path("Generated/StripeCheckout"), "--check"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test("lint prints a target that matches nothing as a warning at its place, and a bad overlay as an error")
    func lintDiagnostics() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let spec = Repository.path("Specs/checkout.yaml")
        let unmatched = try folder.write("unmatched.yaml", header + "- target: $.paths['/v1/nothing']\n  remove: true\n")
        let warned = try CLI.run(["lint", "--spec", spec, "--overlay", unmatched])
        #expect(warned.status == 0)
        let notNotes = warned.stderr.split(separator: "\n").filter { !$0.contains(": note: ") }
        #expect(notNotes == ["\(unmatched):6:11: warning: target '$.paths['/v1/nothing']' matches nothing in \(spec)"])
        #expect(warned.stdout.contains("0 errors, 1 warning"))
        let bad = try folder.write("bad.yaml", header + "- target: $.paths[\n  remove: true\n")
        let failed = try CLI.run(["lint", "--spec", spec, "--overlay", unmatched, "--overlay", bad])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("\(bad):6:19: error: invalid JSONPath '$.paths[': unclosed '['"))
    }

    @Test("generate writes nothing when an overlay has an error")
    func generateFailsCleanly() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let bad = try folder.write("bad.yaml", header + "- target: $.info.title\n  update: {a: 1}\n")
        let result = try CLI.run(["generate", "--spec", Repository.path("Specs/checkout.yaml"), "--output",
                                  folder.file("out"), "--overlay", bad])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(bad):6:11: error: '$.info.title' selects a scalar"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("out")))
    }

    @Test("trim applies the overlay to the full spec before trimming")
    func trimWithOverlay() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let overlay = try folder.write("status.yaml", header + statusFilter)
        let result = try CLI.run(["trim", "--spec", Repository.path("Specs/checkout.yaml"),
                                  "--config", Repository.path("Specs/trim.yaml"), "--output", folder.file("trimmed.yaml"),
                                  "--overlay", overlay])
        #expect(result.status == 0, "\(result.stderr)")
        let trimmed = try String(contentsOfFile: folder.file("trimmed.yaml"), encoding: .utf8)
        let original = try String(contentsOfFile: Repository.path("Specs/checkout.yaml"), encoding: .utf8)
        #expect(trimmed.contains("name: status"))
        #expect(!original.contains("      - in: query\n        name: status"))
    }
}
