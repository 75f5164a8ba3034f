import ArgumentParser
import Foundation
import StripeCodegen
import StripeSpec

extension GeneratorOptions.Access: ExpressibleByArgument {}

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

    @Option(name: .long, help: "Access level of the generated declarations (public or internal).")
    var access: GeneratorOptions.Access = .public

    func run() throws {
        let loaded: LoadedSpec
        do {
            loaded = try SpecLoader.load(contentsOf: spec)
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode.failure
        }
        DiagnosticPrinter.print(loaded.warnings)
        let fileName = URL(fileURLWithPath: spec).lastPathComponent
        let files = SwiftGenerator.generate(loaded.document, options: GeneratorOptions(access: access, specFileName: fileName))
        let plan = OutputPlan(files: files, folder: output)
        if check {
            let drift = plan.drift()
            for line in drift { DiagnosticPrinter.printError(line) }
            if !drift.isEmpty {
                DiagnosticPrinter.printError("\(output): error: \(drift.count) file(s) differ from '\(spec)'; "
                                             + "run 'stripe-codegen generate --spec \(spec) --output \(output)'")
                throw ExitCode.failure
            }
            print("\(output): \(files.count) files are current")
            return
        }
        let summary = try plan.apply()
        print("\(output): \(files.count) files, \(summary.written) written, \(summary.unchanged) unchanged, "
              + "\(summary.removed) removed")
    }
}

extension GeneratedFile: GeneratedFileLike {}
