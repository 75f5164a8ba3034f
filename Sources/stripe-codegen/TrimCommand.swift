import ArgumentParser
import CodegenOutput
import Foundation
import SpecYAML
import StripeSpec

/// `trim`: cuts Stripe's full spec down to the configured paths and what they reach.
struct TrimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trim",
        abstract: "Keep the configured paths of a full spec and the schemas they reach."
    )

    @Option(name: .long, help: "The full spec (YAML or JSON).")
    var spec: String

    @Option(name: .long, help: "The trim configuration (Specs/trim.yaml).")
    var config: String

    @Option(name: .long, help: "Where to write the trimmed spec.")
    var output: String

    @OptionGroup var overlays: OverlayOptions

    func run() throws {
        do {
            let configRoot = try YAMLLoader.load(contentsOf: config)
            let configuration = try TrimConfiguration.read(configRoot, path: config)
            let root = try overlays.apply(to: try YAMLLoader.load(contentsOf: spec), specPath: spec)
            let trimmed = try SpecTrimmer.trim(root, path: spec, configuration: configuration)
            let text = try YAMLEmitter.emit(trimmed)
            // The result must itself be a valid spec before anything is written.
            let loaded = try SpecLoader.load(bytes: Array(text.utf8), path: output)
            try FileWriter.writeIfChanged(Data(text.utf8), to: output)
            print("\(output): \(loaded.document.paths.count) paths, \(loaded.document.operations.count) operations, "
                  + "\(loaded.document.schemaNames.count) schemas, API version \(loaded.document.apiVersion)")
        } catch let error as YAMLError {
            DiagnosticPrinter.printError(error.description)
            throw ExitCode.failure
        } catch let error as SpecError {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode.failure
        }
    }
}
