import CodegenOutput
import Foundation
import StripeSpec

/// `generate` from end to end, the one way every caller runs it (the CLI and through it both plugins, the
/// benchmarks, the tests): read `stripe-codegen.yaml`, load the spec, check the one against the other, generate,
/// then check or write the output folder.
public enum Codegen {
    /// What to do with the output folder.
    public enum Mode: Sendable, Hashable {
        /// Write what changed (see ``OutputSession``), each file as soon as it is printed.
        case write
        /// Write nothing; report each file that is missing, differs or is stale.
        case check
    }

    /// Settings given besides the configuration file (on the command line); they win over the file's.
    public struct Settings: Sendable, Hashable {
        /// `--access`; `nil` leaves it to the configuration file, else public.
        public var access: GeneratorOptions.Access?
        /// `--layout`.
        public var layout: GeneratorOptions.Layout
        /// `--overlay` files, applied after the configuration file's `overlays`.
        public var overlays: [String]

        /// Creates settings; the defaults leave the access to the configuration file, write one file per model or
        /// resource and add no overlays.
        public init(access: GeneratorOptions.Access? = nil, layout: GeneratorOptions.Layout = .files,
                    overlays: [String] = []) {
            self.access = access
            self.layout = layout
            self.overlays = overlays
        }
    }

    /// A loaded spec with the options its configuration gives, and the warnings found on the way.
    public struct Prepared: Sendable {
        /// The loaded spec, before the configuration's `operations` filter (the generator applies it).
        public var document: OpenAPIDocument
        /// The settings, the configuration and the spec's file name, as generator options.
        public var options: GeneratorOptions
        /// The spec's warnings, then the configuration's, in the order to print them.
        public var warnings: [Diagnostic]
    }

    /// Reads the configuration at `configuration` (if any), loads the spec at `spec` with the configuration's overlays
    /// and then the settings' applied, and checks the configuration against it. Throws every diagnostic, in the order to print them, when one of them is an error.
    public static func prepare(spec: String, configuration: String? = nil,
                               settings: Settings = Settings()) throws(SpecError) -> Prepared {
        let file = try configuration.map { path throws(SpecError) in try CodegenConfiguration.load(contentsOf: path) }
        let loaded = try SpecLoader.load(contentsOf: spec, overlays: (file?.overlayPaths ?? []) + settings.overlays)
        var options = GeneratorOptions(access: settings.access ?? .public,
                                       specFileName: URL(fileURLWithPath: spec).lastPathComponent,
                                       layout: settings.layout)
        var warnings = loaded.warnings
        if let file {
            let problems = file.problems(with: loaded.document)
            warnings += problems
            if problems.contains(where: { $0.severity == .error }) { throw SpecError(diagnostics: warnings) }
            options = file.applied(to: options, accessFromCommandLine: settings.access)
        }
        return Prepared(document: loaded.document, options: options, warnings: warnings)
    }

    /// Generates the bindings for the spec at `spec` into `output` (or checks them there). Diagnostics come back in
    /// the report; when one is an error nothing is written.
    public static func generate(spec: String, configuration: String? = nil, output: String, mode: Mode,
                                settings: Settings = Settings()) -> CodegenReport {
        let prepared: Prepared
        do {
            prepared = try prepare(spec: spec, configuration: configuration, settings: settings)
        } catch {
            return CodegenReport(diagnostics: error.diagnostics, fileCount: 0, outcome: .failed)
        }
        switch mode {
        case .check:
            let files = SwiftGenerator.generate(prepared.document, options: prepared.options)
            let drift = OutputPlan(files: files, folder: output).drift()
            return CodegenReport(diagnostics: prepared.warnings, fileCount: files.count,
                                 outcome: drift.isEmpty ? .current : .drifted(drift))
        case .write:
            // Files are written while the rest still print.
            let session = OutputSession(folder: output)
            let files = SwiftGenerator.generate(prepared.document, options: prepared.options) { session.write($0) }
            do {
                return CodegenReport(diagnostics: prepared.warnings, fileCount: files.count,
                                     outcome: .written(try session.finish()))
            } catch {
                return CodegenReport(diagnostics: prepared.warnings, fileCount: files.count,
                                     outcome: .writeFailed(error))
            }
        }
    }
}
