import Foundation
import Testing

/// A small valid spec of our own.
private let goodSpec = """
openapi: 3.0.0
info:
  title: Shop
  version: 2024-01-01
paths:
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
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/order'
          description: An order.
components:
  schemas:
    note:
      properties:
        text:
          description: Free text.
          type: string
      type: object
    order:
      description: An order in the shop.
      properties:
        id:
          type: string
        total:
          type: integer
      type: object
"""

/// The same spec with a dangling reference (line 20) and an unknown type (line 36).
private let brokenSpec = goodSpec
    .replacingOccurrences(of: "'#/components/schemas/order'", with: "'#/components/schemas/receipt'")
    .replacingOccurrences(of: "type: integer", with: "type: money")

@Suite("stripe-codegen as a subprocess")
struct CLITests {
    @Test("the executable is found next to the tests")
    func locatesExecutable() throws {
        let executable = try #require(CLI.executable)
        #expect(FileManager.default.isExecutableFile(atPath: executable.path))
        let result = try CLI.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
    }

    @Test("lint on Specs/checkout.yaml: exit 0 and the summary line")
    func lintCommittedSpec() throws {
        let spec = Repository.path("Specs/checkout.yaml")
        let result = try CLI.run(["lint", "--spec", spec])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "\(spec): 20 paths, 31 operations, 157 schemas, API version 2023-08-16; 0 errors, 0 warnings, 25 notes\n")
        // One note per params type named by an exception, at its param's place in the spec.
        let notes = result.stderr.split(separator: "\n").map(String.init)
        #expect(notes.count == 25)
        #expect(notes.allSatisfy { $0.hasPrefix(spec + ":") && $0.contains(": note: params type ") })
        #expect(notes.contains { $0.contains("CheckoutSessionsAPI.CreateParams.DiscountParams is not named Discount") })
    }

    @Test("lint on a broken spec: exit 1 and `path:line:column: error:` lines on stderr")
    func lintBrokenSpec() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let spec = try folder.write("broken.yaml", brokenSpec)
        let result = try CLI.run(["lint", "--spec", spec])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines == [
            "\(spec):20:17: error: $ref to unknown schema 'receipt'",
            "\(spec):36:17: error: schema 'order'.total: unknown type 'money'",
        ])
        #expect(result.stdout == "\(spec): 2 errors, 0 warnings\n")
    }

    @Test("lint on a YAML syntax error reports libyaml's place")
    func lintSyntaxError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let spec = try folder.write("syntax.yaml", "openapi: 3.0.0\npaths: {\n")
        let result = try CLI.run(["lint", "--spec", spec])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("\(spec):3:1: error: "), "\(result.stderr)")
    }

    @Test("a missing --spec is a usage error with ArgumentParser's exit code 64")
    func missingSpecOption() throws {
        let result = try CLI.run(["lint"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--spec"))
        #expect(result.stdout.isEmpty)
    }

    @Test("lint on a file that does not exist exits 1 with a diagnostic")
    func lintMissingFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let spec = folder.file("absent.yaml")
        let result = try CLI.run(["lint", "--spec", spec])
        #expect(result.status == 1)
        #expect(result.stderr == "\(spec):1:1: error: cannot read the spec file\n")
    }

    @Test("trim writes its output, leaves it alone when unchanged, and never touches it on error")
    func trimWrites() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let spec = try folder.write("full.yaml", goodSpec)
        let config = try folder.write("trim.yaml", "paths:\n  - /v1/orders/*\n")
        let output = folder.file("out/trimmed.yaml")

        let first = try CLI.run(["trim", "--spec", spec, "--config", config, "--output", output])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "\(output): 1 paths, 1 operations, 1 schemas, API version 2024-01-01\n")
        let written = try #require(FileManager.default.contents(atPath: output))
        let text = String(decoding: written, as: UTF8.self)
        #expect(text.contains("order:"))
        #expect(!text.contains("note:"), "unreached schemas are left out")
        #expect(!text.contains("An order in the shop"), "descriptions are dropped")

        // Age the file, so an unwanted rewrite would show as a new modification time.
        let past = Date(timeIntervalSinceNow: -3600)
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: output)
        let before = try modificationDate(output)

        let second = try CLI.run(["trim", "--spec", spec, "--config", config, "--output", output])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try modificationDate(output) == before, "an unchanged output is not rewritten")
        #expect(FileManager.default.contents(atPath: output) == written)

        let badConfig = try folder.write("bad.yaml", "paths:\n  - /v1/orders/*\nkeep_descriptions: true\n")
        let failed = try CLI.run(["trim", "--spec", spec, "--config", badConfig, "--output", output])
        #expect(failed.status == 1)
        #expect(failed.stderr.hasPrefix("\(badConfig):3:1: error: unknown trim setting 'keep_descriptions'"), "\(failed.stderr)")
        #expect(try modificationDate(output) == before, "a failed run leaves the output alone")
        #expect(FileManager.default.contents(atPath: output) == written)

        let noMatch = try folder.write("nomatch.yaml", "paths:\n  - /v2/**\n")
        let failedAgain = try CLI.run(["trim", "--spec", spec, "--config", noMatch, "--output", output])
        #expect(failedAgain.status == 1)
        #expect(failedAgain.stderr.contains("error: no path matches"))
        #expect(FileManager.default.contents(atPath: output) == written)

        // A changed input does rewrite the output.
        let other = try folder.write("trim2.yaml", "paths:\n  - /v1/orders/*\nschemas:\n  - note\n")
        let third = try CLI.run(["trim", "--spec", spec, "--config", other, "--output", output])
        #expect(third.status == 0, "\(third.stderr)")
        #expect(try modificationDate(output) != before)
        #expect(String(decoding: FileManager.default.contents(atPath: output) ?? Data(), as: UTF8.self).contains("note:"))
    }

    @Test("trim on a broken spec exits 1 and writes nothing")
    func trimBrokenSpec() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let spec = try folder.write("broken.yaml", brokenSpec)
        let config = try folder.write("trim.yaml", "paths:\n  - /v1/orders/*\n")
        let output = folder.file("trimmed.yaml")
        let result = try CLI.run(["trim", "--spec", spec, "--config", config, "--output", output])
        #expect(result.status == 1)
        #expect(result.stderr.contains(": error: "))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test("lint on Stripe's full spec: 318 paths, 468 operations, 819 schemas, 0 errors",
          .enabled(if: SharedData.available, "set STRIPE_SHARED_DATA to ../shared/stripe to run tests on Stripe's full spec"))
    func lintFullSpec() throws {
        let result = try CLI.run(["lint", "--spec", SharedData.specPath])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("318 paths, 468 operations, 819 schemas, API version 2023-08-16; 0 errors"))
        #expect(result.stdout.hasPrefix("\(SharedData.specPath): "))
    }

    @Test("generate on Stripe's older spec (API 2020-08-27) writes its bindings, required fields tolerant of absence",
          .enabled(if: SharedData.available && FileManager.default.isReadableFile(atPath: SharedData.olderSpecPath),
                   "set STRIPE_SHARED_DATA to ../shared/stripe to run tests on Stripe's older spec"))
    func generateOlderSpec() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.file("StripeAPI")
        let result = try CLI.run(["generate", "--spec", SharedData.olderSpecPath, "--output", output])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains(": error: "))
        let product = try String(contentsOfFile: output + "/Models/Product.swift", encoding: .utf8)
        #expect(product.hasPrefix("// Generated by stripe-codegen from spec3-2022-05.sdk.yaml (Stripe API 2020-08-27)."))
        // `type` is required by this spec and absent from Stripe's own sample product.
        #expect(product.contains("    public var type: Product.Kind?\n"))
        #expect(product.contains("        if case .none = self.type { names.append(\"type\") }\n"))
    }
}

private func modificationDate(_ path: String) throws -> Date {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return try #require(attributes[.modificationDate] as? Date)
}
