import Foundation
import PackagePlugin

/// `swift package generate-stripe-bindings`: rewrites committed bindings from a spec with `stripe-codegen generate`.
///
/// Defaults to `--spec Specs/checkout.yaml --output Generated/StripeCheckout`, relative to the package. Other
/// arguments (`--check`, `--access`, `--layout`, `--config`) go to the generator as they are.
@main
struct GenerateStripeBindings: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let root = context.package.directoryURL
        let spec = extractor.extractOption(named: "spec").last ?? "Specs/checkout.yaml"
        let output = extractor.extractOption(named: "output").last ?? "Generated/StripeCheckout"
        let rest = extractor.remainingArguments.filter { $0 != "--" }
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
