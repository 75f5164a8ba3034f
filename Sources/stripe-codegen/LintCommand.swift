import ArgumentParser
import StripeCodegen
import StripeSpec

/// `lint`: reads and resolves a spec, prints its diagnostics, a note for each params type named by an exception to
/// the naming rule, and a one-line summary.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check a spec: load it, resolve references, and report problems with their places."
    )

    @Option(name: .long, help: "The OpenAPI spec file (YAML or JSON).")
    var spec: String

    @OptionGroup var overlays: OverlayOptions

    func run() throws {
        let loaded: LoadedSpec
        do {
            loaded = try overlays.loadSpec(spec)
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            let errors = error.diagnostics.filter { $0.severity == .error }.count
            let warnings = error.diagnostics.count - errors
            print("\(spec): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
            throw ExitCode.failure
        }
        DiagnosticPrinter.print(loaded.warnings)
        let document = loaded.document
        let notes = Codegen.paramsNameNotes(for: document)
        for note in notes { DiagnosticPrinter.printError(note.description) }
        print("\(spec): \(document.paths.count) paths, \(document.operations.count) operations, "
              + "\(document.schemaNames.count) schemas, API version \(document.apiVersion); "
              + "0 errors, \(loaded.warnings.count) warning\(loaded.warnings.count == 1 ? "" : "s"), "
              + "\(notes.count) note\(notes.count == 1 ? "" : "s")")
    }
}
