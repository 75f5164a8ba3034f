import ArgumentParser
import StripeCodegen

extension APIDiffFormat: ExpressibleByArgument {}

/// `diff`: what regenerating from one spec to another changes in the Swift API, classified; exits 1 when
/// something breaking changed.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare the Swift APIs two specs generate: breaking, additive and behaviour changes.",
        discussion: "Exit status: 0 when nothing breaking changed, 1 when something did (or a spec has an error), "
            + "64 on a usage error."
    )

    @Option(name: .long, help: "The spec the current bindings were generated from.")
    var from: String

    @Option(name: .long, help: "The spec to regenerate from.")
    var to: String

    @Option(name: .long, help: "A stripe-codegen.yaml applied to both specs (operations, schemas, typeNames).")
    var config: String?

    @OptionGroup var overlays: OverlayOptions

    @Option(name: .long, help: "text (one line per change), json or markdown (a changelog for a pull request).")
    var format: APIDiffFormat = .text

    func run() throws {
        let report: APIDiffReport
        do {
            report = try Codegen.diff(from: from, to: to, configuration: config, overlays: overlays.files)
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode.failure
        }
        DiagnosticPrinter.print(report.warnings)
        print(report.rendered(as: format), terminator: "")
        if report.hasBreakingChanges { throw ExitCode.failure }
    }
}
