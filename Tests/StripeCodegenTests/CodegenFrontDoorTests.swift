import CodegenOutput
import Foundation
import StripeCodegen
import StripeSpec
import Testing

/// `Codegen.generate`, the one way to run `generate`: configuration, loading, checking, writing.
@Suite struct CodegenFrontDoorTests {
    /// A fresh folder holding the widget spec; `output` inside it does not exist yet.
    private struct Workspace {
        let root: String
        var spec: String { root + "/widgets.yaml" }
        var output: String { root + "/Generated" }

        init() throws {
            root = FileManager.default.temporaryDirectory.path + "/codegen-front-door-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            try write("widgets.yaml", InlineSpecs.widgetResources)
        }

        @discardableResult
        func write(_ name: String, _ text: String) throws -> String {
            try text.write(toFile: root + "/" + name, atomically: true, encoding: .utf8)
            return root + "/" + name
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }
    }

    @Test func writesWhatThePureGeneratorPrintsThenFindsItCurrentAndThenNamesDrift() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let first = Codegen.generate(spec: workspace.spec, output: workspace.output, mode: .write)
        guard case .written(let summary) = first.outcome else { Issue.record("not written: \(first.outcome)"); return }
        let prepared = try Codegen.prepare(spec: workspace.spec)
        let expected = SwiftGenerator.generate(prepared.document, options: prepared.options)
        #expect(summary.written == expected.count && first.fileCount == expected.count)
        for file in expected {
            #expect(FileManager.default.contents(atPath: workspace.output + "/" + file.path) == Data(file.contents.utf8))
        }

        let again = Codegen.generate(spec: workspace.spec, output: workspace.output, mode: .write)
        guard case .written(let rerun) = again.outcome else { Issue.record("not written: \(again.outcome)"); return }
        #expect(rerun.written == 0 && rerun.unchanged == expected.count)
        #expect(Codegen.generate(spec: workspace.spec, output: workspace.output, mode: .check).succeeded)

        let edited = workspace.output + "/" + expected[0].path
        try "// edited\n".write(toFile: edited, atomically: true, encoding: .utf8)
        let check = Codegen.generate(spec: workspace.spec, output: workspace.output, mode: .check)
        guard case .drifted(let lines) = check.outcome else { Issue.record("no drift: \(check.outcome)"); return }
        #expect(lines == ["\(edited): error: differs from the spec"])
        #expect(try String(contentsOfFile: edited, encoding: .utf8) == "// edited\n", "check writes nothing")
    }

    @Test func aConfigurationAndTheSettingsShapeTheOptionsTheCommandLineWinning() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let config = try workspace.write("stripe-codegen.yaml", """
            access: internal
            operations: [GetWidgetsWidget]
            """)
        let prepared = try Codegen.prepare(spec: workspace.spec, configuration: config,
                                           settings: Codegen.Settings(layout: .singleFile))
        #expect(prepared.options.access == .internal)
        #expect(prepared.options.layout == .singleFile)
        #expect(prepared.options.selection.operations == ["GetWidgetsWidget"])
        #expect(prepared.options.specFileName == "widgets.yaml")
        let overridden = try Codegen.prepare(spec: workspace.spec, configuration: config,
                                             settings: Codegen.Settings(access: .public))
        #expect(overridden.options.access == .public)
    }

    @Test func configurationErrorsComeBackAsDiagnosticsAtTheirPlaceAndNothingIsWritten() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let config = try workspace.write("stripe-codegen.yaml", """
            operations:
            - /v1/nothing/*
            """)
        let report = Codegen.generate(spec: workspace.spec, configuration: config, output: workspace.output, mode: .write)
        guard case .failed = report.outcome else { Issue.record("did not fail: \(report.outcome)"); return }
        #expect(report.diagnostics.map(\.description).contains { $0.hasPrefix("\(config):2:3: error: '/v1/nothing/*'") })
        #expect(!FileManager.default.fileExists(atPath: workspace.output))
    }

    @Test func aWarningIsReportedAndGenerationGoesOn() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let config = try workspace.write("stripe-codegen.yaml", "schemas: [widget]\n")
        let report = Codegen.generate(spec: workspace.spec, configuration: config, output: workspace.output, mode: .write)
        #expect(report.succeeded)
        #expect(report.diagnostics.map(\.severity) == [.warning])
    }

    @Test func aMissingSpecFailsWithADiagnosticNamingIt() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let missing = workspace.root + "/missing.yaml"
        let report = Codegen.generate(spec: missing, output: workspace.output, mode: .write)
        #expect(!report.succeeded)
        #expect(report.diagnostics.contains { $0.severity == .error && $0.description.hasPrefix(missing) })
    }
}
