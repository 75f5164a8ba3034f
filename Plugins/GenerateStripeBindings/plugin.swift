import Foundation
import PackagePlugin

/// `swift package generate-stripe-bindings`: rewrites committed bindings from a spec with `stripe-codegen generate`.
///
/// Defaults to `--spec Specs/checkout.yaml --output Generated/StripeCheckout`, relative to the package, with
/// `--config Specs/stripe-codegen.yaml` when neither `--spec` nor `--config` is given and that file exists (its
/// `overlays` apply to the spec). Other arguments (`--check`, `--access`, `--layout`, `--overlay`) go to the
/// generator as they are. `--diff` first prints what the regeneration changes in the Swift API
/// (`stripe-codegen diff`) against the spec as git's `HEAD` has it, the spec the committed bindings were made from;
/// `--diff-from FILE` compares against `FILE` instead.
@main
struct GenerateStripeBindings: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let root = context.package.directoryURL
        let specs = extractor.extractOption(named: "spec")
        let spec = Self.resolve(specs.last ?? "Specs/checkout.yaml", in: root)
        let output = extractor.extractOption(named: "output").last ?? "Generated/StripeCheckout"
        let diff = extractor.extractFlag(named: "diff") > 0
        let diffFrom = extractor.extractOption(named: "diff-from").last.map { Self.resolve($0, in: root) }
        var config = extractor.extractOption(named: "config").last.map { Self.resolve($0, in: root) }
        let defaultConfig = Self.resolve("Specs/stripe-codegen.yaml", in: root)
        if config == nil, specs.isEmpty, FileManager.default.fileExists(atPath: defaultConfig) {
            config = defaultConfig
        }
        let overlayArguments = extractor.extractOption(named: "overlay").flatMap { ["--overlay", Self.resolve($0, in: root)] }
        let rest = extractor.remainingArguments.filter { $0 != "--" }
        let tool = try context.tool(named: "stripe-codegen")
        let configArguments = (config.map { ["--config", $0] } ?? []) + overlayArguments

        if diff || diffFrom != nil {
            let old = try diffFrom ?? Self.committedCopy(of: spec, into: context.pluginWorkDirectoryURL)
            // Exit 1 means something breaking changed (or a spec has an error, which generate reports again):
            // either way the bindings are still regenerated, after the report.
            _ = try Self.run(tool.url, ["diff", "--from", old, "--to", spec] + configArguments, in: root)
        }
        let status = try Self.run(tool.url, ["generate", "--spec", spec, "--output", Self.resolve(output, in: root)]
                                      + configArguments + rest, in: root)
        guard status == 0 else {
            Diagnostics.error("stripe-codegen generate failed (exit \(status)); see the messages above")
            throw GenerateError.failed
        }
    }

    /// `path` as given when absolute, else inside the package folder.
    static func resolve(_ path: String, in root: URL) -> String {
        path.hasPrefix("/") ? path : root.appending(path: path).path(percentEncoded: false)
    }

    /// Runs `executable` with `arguments` in `folder`, sharing this process's output; its exit status, or -1 when
    /// it did not exit normally.
    static func run(_ executable: URL, _ arguments: [String], in folder: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = executable
        process.currentDirectoryURL = folder
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        return process.terminationReason == .exit ? process.terminationStatus : -1
    }

    /// Writes the spec at `spec` as git's `HEAD` has it into `folder` (as `HEAD-<name>`) and returns that path.
    static func committedCopy(of spec: String, into folder: URL) throws -> String {
        let specURL = URL(fileURLWithPath: spec)
        let copy = folder.appending(path: "HEAD-" + specURL.lastPathComponent)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data().write(to: copy)
        let handle = try FileHandle(forWritingTo: copy)
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.currentDirectoryURL = specURL.deletingLastPathComponent()
        process.arguments = ["git", "show", "HEAD:./" + specURL.lastPathComponent]
        process.standardOutput = handle
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            Diagnostics.error("\(spec): git has no committed version of the spec to diff against; "
                              + "pass --diff-from FILE to name the spec the committed bindings were made from")
            throw GenerateError.noCommittedSpec
        }
        return copy.path(percentEncoded: false)
    }
}

/// Why the plugin stopped; the generator's or git's own messages say more.
enum GenerateError: Error {
    /// The generator reported errors.
    case failed
    /// `--diff` found no committed version of the spec.
    case noCommittedSpec
}
