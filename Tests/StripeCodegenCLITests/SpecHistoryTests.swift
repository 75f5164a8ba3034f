import Foundation
import Testing

/// Eight versions of Stripe's spec, 2019-10 to 2023-08, as a user regenerating after each update meets them: every
/// one lints without errors and generates, and `diff` from each to the next exits as its own report says it should.
@Suite(.enabled(if: SpecHistory.available,
                "set STRIPE_SHARED_DATA to ../shared/stripe (with its history/ folder) to lint, generate and diff Stripe's specs across the years"))
struct SpecHistoryTests {
    /// The numbers on the summary line `lint` prints: `N paths, N operations, ...; 0 errors, ...`.
    private static func count(_ noun: String, in summary: String) -> Int? {
        guard let range = summary.range(of: " \(noun)") else { return nil }
        let digits = summary[..<range.lowerBound].reversed().prefix { $0.isNumber }
        return Int(String(digits.reversed()))
    }

    @Test("each spec lints without errors and generates a file per resource and model", arguments: SpecHistory.versions)
    func lintsAndGenerates(_ version: SpecHistory.Version) throws {
        let lint = try CLI.run(["lint", "--spec", version.path])
        #expect(lint.status == 0, "\(version.date): \(lint.stderr)")
        #expect(!lint.stderr.contains(": error: "), "\(version.date): \(lint.stderr)")
        let summary = try #require(lint.stdout.split(separator: "\n").last.map(String.init))
        #expect(summary.contains("; 0 errors, "), "\(summary)")
        let operations = try #require(Self.count("operations", in: summary), "\(summary)")
        let schemas = try #require(Self.count("schemas", in: summary), "\(summary)")
        #expect(operations == version.operations && schemas > 250, "\(summary)")

        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.file("Generated")
        let generate = try CLI.run(["generate", "--spec", version.path, "--output", output])
        #expect(generate.status == 0, "\(version.date): \(generate.stderr)")
        let files = FileManager.default.enumerator(atPath: output)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") } ?? []
        let resources = files.filter { $0.hasPrefix("Resources/") }
        // One file per resource, and at least one model per few schemas; the count printed is the count written.
        #expect(resources.count > 50, "\(version.date): \(resources.count) resource files")
        #expect(files.count > schemas / 2 && files.count < 10 * (schemas + operations),
                "\(version.date): \(files.count) files for \(schemas) schemas and \(operations) operations")
        #expect(generate.stdout.hasPrefix("\(output): \(files.count) files, \(files.count) written"), "\(generate.stdout)")
    }

    @Test("diff from each version to the next exits 1 exactly when its report counts a breaking change",
          arguments: zip(SpecHistory.versions.dropLast(), SpecHistory.versions.dropFirst()).map { $0 })
    func diffsEachVersionAgainstTheNext(_ older: SpecHistory.Version, _ newer: SpecHistory.Version) throws {
        let result = try CLI.run(["diff", "--from", older.path, "--to", newer.path, "--format", "json"])
        #expect(result.status == 0 || result.status == 1, "\(older.date) -> \(newer.date): \(result.stderr)")
        let report = try JSONDecoder().decode(SpecHistory.DiffReport.self, from: Data(result.stdout.utf8))
        #expect(report.from.apiVersion == older.apiVersion && report.to.apiVersion == newer.apiVersion)

        // The summary counts the changes listed, impact by impact.
        var counted: [String: Int] = [:]
        for change in report.changes { counted[change.impact, default: 0] += 1 }
        #expect(report.summary.filter { $0.value > 0 } == counted, "\(older.date) -> \(newer.date)")
        let breaking = report.summary["breaking", default: 0]
        #expect(result.status == (breaking > 0 ? 1 : 0), "\(older.date) -> \(newer.date): \(breaking) breaking")

        // Operations added less those removed is how many more the newer spec has; a removed one is breaking.
        let added = report.changes.filter { $0.kind == "operationAdded" }
        let removed = report.changes.filter { $0.kind == "operationRemoved" }
        #expect(added.count - removed.count == newer.operations - older.operations,
                "\(older.date) -> \(newer.date): \(added.count) added, \(removed.count) removed")
        #expect(added.allSatisfy { $0.impact == "additive" } && removed.allSatisfy { $0.impact == "breaking" })
        if !removed.isEmpty { #expect(breaking >= removed.count) }
    }
}

/// The eight specs: six snapshots under `history/`, then the 2022-05 and 2023-08-16 specs beside it.
enum SpecHistory {
    /// One version: its snapshot date, file, `info.version` and number of operations.
    struct Version: Sendable, CustomTestStringConvertible {
        var date: String
        var path: String
        var apiVersion: String
        var operations: Int

        var testDescription: String { date }
    }

    /// The versions, oldest first.
    static let versions: [Version] = {
        let folder = SharedData.directory ?? "."
        // Operations counted in each file (method keys under `paths`).
        let history = [
            ("2019-10-22", "2019-10-17", 278), ("2020-06-03", "2020-03-02", 289), ("2020-11-23", "2020-08-27", 296),
            ("2021-06-24", "2020-08-27", 310), ("2021-12-21", "2020-08-27", 326), ("2022-03-25", "2020-08-27", 346),
        ].map {
            Version(date: $0.0, path: "\(folder)/history/spec3-\($0.0).sdk.yaml", apiVersion: $0.1, operations: $0.2)
        }
        return history + [
            Version(date: "2022-05", path: "\(folder)/spec3-2022-05.sdk.yaml", apiVersion: "2020-08-27", operations: 367),
            Version(date: "2023-08-16", path: "\(folder)/spec3-2023-08-16.yaml", apiVersion: "2023-08-16", operations: 468),
        ]
    }()

    /// Whether every version's file can be read.
    static var available: Bool {
        SharedData.directory != nil && versions.allSatisfy { FileManager.default.isReadableFile(atPath: $0.path) }
    }

    /// The parts of `diff --format json` the test reads.
    struct DiffReport: Decodable {
        struct Side: Decodable {
            var apiVersion: String
        }

        struct Change: Decodable {
            var impact: String
            var kind: String
            var symbol: String
        }

        var from: Side
        var to: Side
        var summary: [String: Int]
        var changes: [Change]
    }
}
