import ArgumentParser
import CodegenOutput
import Foundation
import StripeCodegen
import StripeSpec

extension GeneratorOptions.Access: ExpressibleByArgument {}
extension GeneratorOptions.Layout: ExpressibleByArgument {}

/// `generate`: writes Swift bindings for a spec into a folder, touching only files whose bytes change.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate Swift models and request builders from a spec."
    )

    @Option(name: .long, help: "The OpenAPI spec file (YAML or JSON).")
    var spec: String

    @Option(name: .long, help: "The folder to write the Swift files into.")
    var output: String

    @Flag(name: .long, help: "Write nothing; exit 1 and name the files that differ if the folder is not current.")
    var check = false

    @Option(name: .long, help: "Access level of the generated declarations (public or internal); default public, or the config file's.")
    var access: GeneratorOptions.Access?

    @Option(name: .long, help: "files: one file per type under Models/, Resources/, ...; single-file: everything in StripeBindings.swift.")
    var layout: GeneratorOptions.Layout = .files

    @Option(name: .long, help: "A stripe-codegen.yaml file: access, operations, schemas, typeNames.")
    var config: String?

    func run() throws {
        let loaded: LoadedSpec
        let configuration: CodegenConfiguration?
        do {
            configuration = try config.map { path throws(SpecError) in try CodegenConfiguration.load(contentsOf: path) }
            loaded = try SpecLoader.load(contentsOf: spec)
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode.failure
        }
        DiagnosticPrinter.print(loaded.warnings)
        let fileName = URL(fileURLWithPath: spec).lastPathComponent
        var options = GeneratorOptions(access: access ?? .public, specFileName: fileName, layout: layout)
        if let configuration {
            let problems = configuration.problems(with: loaded.document)
            DiagnosticPrinter.print(problems)
            if problems.contains(where: { $0.severity == .error }) { throw ExitCode.failure }
            options = configuration.applied(to: options, accessFromCommandLine: access)
        }
        if check {
            let files = SwiftGenerator.generate(loaded.document, options: options)
            let drift = OutputPlan(files: files, folder: output).drift()
            for line in drift { DiagnosticPrinter.printError(line) }
            if !drift.isEmpty {
                DiagnosticPrinter.printError("\(output): error: \(drift.count) file(s) differ from '\(spec)'; "
                                             + "run 'stripe-codegen generate --spec \(spec) --output \(output)'")
                throw ExitCode.failure
            }
            print("\(output): \(files.count) files are current")
            return
        }
        // Files are written while the rest still print.
        let session = OutputSession(folder: output)
        let files = SwiftGenerator.generate(loaded.document, options: options) { session.write($0) }
        let summary = try session.finish()
        print("\(output): \(files.count) files, \(summary.written) written, \(summary.unchanged) unchanged, "
              + "\(summary.removed) removed")
    }
}
