import Foundation
import PackagePlugin

/// Generates Swift bindings for the Stripe spec a target contains, at build time.
///
/// The spec is the target's file named `openapi.yaml` (or `.yml`, `.json`), or ending in `.openapi.yaml`
/// (`checkout.openapi.yaml`); exactly one per target. A `stripe-codegen.yaml` file in the same target, if any,
/// configures the generator; the overlays it names are applied to the spec, and the target's other YAML and JSON
/// files (overlays kept in the target) are inputs too. Everything lands in one file, `StripeBindings.swift`, in
/// the plugin's work directory, and the build reruns the generator only when one of those files changes.
@main
struct StripeBindingsPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
        guard let target = target as? any SourceModuleTarget else { return [] }
        let files = target.sourceFiles.map(\.url)
        let specs = files.filter { Self.isSpec($0.lastPathComponent) }
        let configs = files.filter { Self.configNames.contains($0.lastPathComponent) }
        guard specs.count == 1, let spec = specs.first else {
            let found = specs.map { $0.path(percentEncoded: false) }.joined(separator: ", ")
            throw PluginError(specs.isEmpty
                ? "target '\(target.name)' has no Stripe spec: add a file named openapi.yaml or ending in .openapi.yaml"
                : "target '\(target.name)' has more than one Stripe spec (\(found)); keep one per target")
        }
        guard configs.count <= 1 else {
            throw PluginError("target '\(target.name)' has more than one stripe-codegen.yaml; keep one per target")
        }
        // Overlays the config names are usually kept in the target: any other YAML or JSON file may be one.
        let others = files.filter { file in
            ["yaml", "yml", "json"].contains(file.pathExtension) && file != spec && !configs.contains(file)
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "StripeBindings", directoryHint: .isDirectory)
        var arguments = ["generate", "--spec", spec.path(percentEncoded: false),
                         "--output", output.path(percentEncoded: false), "--layout", "single-file"]
        if let config = configs.first {
            arguments += ["--config", config.path(percentEncoded: false)]
        }
        return [.buildCommand(
            displayName: "Generating Stripe bindings from \(spec.lastPathComponent)",
            executable: try context.tool(named: "stripe-codegen").url,
            arguments: arguments,
            inputFiles: [spec] + configs + others,
            outputFiles: [output.appending(path: "StripeBindings.swift")]
        )]
    }

    static let configNames: Set<String> = ["stripe-codegen.yaml", "stripe-codegen.yml"]

    /// `openapi.yaml`, `openapi.yml`, `openapi.json`, or any of those after a name and a dot.
    static func isSpec(_ fileName: String) -> Bool {
        ["openapi.yaml", "openapi.yml", "openapi.json"].contains { suffix in
            fileName == suffix || fileName.hasSuffix("." + suffix)
        }
    }
}

/// A target the plugin cannot work with, and what to change.
struct PluginError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
