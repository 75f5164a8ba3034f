import CodegenOutput
import StripeSpec

/// What one ``Codegen/generate(spec:configuration:output:mode:settings:)`` run found and did.
public struct CodegenReport: Sendable {
    /// How the run ended.
    public enum Outcome: Sendable {
        /// The configuration or the spec has an error (in ``CodegenReport/diagnostics``); nothing was generated.
        case failed
        /// The output folder was brought up to date.
        case written(OutputPlan.Summary)
        /// A file could not be written; no staging folder is left behind.
        case writeFailed(any Error)
        /// `check`: every file is current.
        case current
        /// `check`: one `path: error: …` line per file that is missing, differs or is stale.
        case drifted([String])
    }

    /// Warnings and errors with their places, in the order to print them.
    public var diagnostics: [Diagnostic]
    /// How many files the bindings have (0 when generation failed).
    public var fileCount: Int
    /// How the run ended.
    public var outcome: Outcome

    /// Whether the run succeeded: the output was written, or is current.
    public var succeeded: Bool {
        switch outcome {
        case .written, .current: true
        case .failed, .writeFailed, .drifted: false
        }
    }
}
