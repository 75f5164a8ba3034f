import ArgumentParser
import SpecYAML
import StripeSpec

/// `--overlay FILE` (repeatable): OpenAPI Overlay files applied, in order, to a spec before it is read; shared by
/// every command that reads a spec.
struct OverlayOptions: ParsableArguments {
    @Option(name: .customLong("overlay"),
            help: ArgumentHelp("An OpenAPI Overlay 1.0 file applied to the spec before it is read; repeat to apply several in order.",
                               valueName: "file"))
    var files: [String] = []

    /// The spec at `path` with the overlays applied, read and resolved.
    func loadSpec(_ path: String) throws(SpecError) -> LoadedSpec {
        try SpecLoader.load(contentsOf: path, overlays: files)
    }

    /// `root`, the tree of the spec at `path`, with the overlays applied; their warnings are printed.
    func apply(to root: consuming YAMLNode, specPath path: String) throws(SpecError) -> YAMLNode {
        let (result, warnings) = try SpecOverlays.apply(files, to: root, specPath: path)
        DiagnosticPrinter.print(warnings)
        return result
    }
}
