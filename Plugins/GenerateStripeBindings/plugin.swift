import Foundation
import PackagePlugin

/// `swift package generate-stripe-bindings`: rewrites committed bindings from a spec with `stripe-codegen generate`.
///
/// Defaults to `--spec Specs/checkout.yaml --output Generated/StripeCheckout`, relative to the package, with
/// `--config Specs/stripe-codegen.yaml` when neither `--spec` nor `--config` is given and that file exists (its
/// `overlays` apply to the spec). Other arguments (`--check`, `--access`, `--layout`, `--overlay`) go to the
/// generator as they are.
@main
struct GenerateStripeBindings: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let root = context.package.directoryURL
        let specs = extractor.extractOption(named: "spec")
        let spec = specs.last ?? "Specs/checkout.yaml"
        let output = extractor.extractOption(named: "output").last ?? "Generated/StripeCheckout"
        var config = extractor.extractOption(named: "config").last
        let defaultConfig = Self.resolve("Specs/stripe-codegen.yaml", in: root)
        if config == nil, specs.isEmpty, FileManager.default.fileExists(atPath: defaultConfig) {
            config = defaultConfig
        }
        let rest = (config.map { ["--config", Self.resolve($0, in: root)] } ?? [])
            + extractor.remainingArguments.filter { $0 != "--" }
        let tool = try context.tool(named: "stripe-codegen")

        let process = Process()
        process.executableURL = tool.url
        process.currentDirectoryURL = root
        process.arguments = ["generate", "--spec", Self.resolve(spec, in: root), "--output", Self.resolve(output, in: root)] + rest
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            Diagnostics.error("stripe-codegen generate failed (exit \(process.terminationStatus)); see the messages above")
            throw GenerateError.failed
        }
    }

    /// `path` as given when absolute, else inside the package folder.
    static func resolve(_ path: String, in root: URL) -> String {
        path.hasPrefix("/") ? path : root.appending(path: path).path(percentEncoded: false)
    }
}

/// The generator reported errors; its own messages say which.
enum GenerateError: Error {
    case failed
}
