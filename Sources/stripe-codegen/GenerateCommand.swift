import ArgumentParser
import StripeCodegen

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

    @Option(name: .long, help: "A stripe-codegen.yaml file: access, operations, schemas, typeNames, overlays.")
    var config: String?

    @OptionGroup var overlays: OverlayOptions

    func run() throws {
        let report = Codegen.generate(spec: spec, configuration: config, output: output, mode: check ? .check : .write,
                                      settings: Codegen.Settings(access: access, layout: layout, overlays: overlays.files))
        DiagnosticPrinter.print(report.diagnostics)
        switch report.outcome {
        case .failed:
            throw ExitCode.failure
        case .writeFailed(let error):
            throw error
        case .current:
            print("\(output): \(report.fileCount) files are current")
        case .drifted(let drift):
            for line in drift { DiagnosticPrinter.printError(line) }
            DiagnosticPrinter.printError("\(output): error: \(drift.count) file(s) differ from '\(spec)'; "
                                         + "run 'stripe-codegen generate --spec \(spec) --output \(output)'")
            throw ExitCode.failure
        case .written(let summary):
            print("\(output): \(report.fileCount) files, \(summary.written) written, \(summary.unchanged) unchanged, "
                  + "\(summary.removed) removed")
        }
    }
}
