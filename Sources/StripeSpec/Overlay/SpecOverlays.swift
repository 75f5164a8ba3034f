import SpecYAML

/// The overlay stage: OpenAPI Overlay 1.0 files applied, in order, to a spec's YAML tree before the spec is read.
public enum SpecOverlays {
    /// Applies the overlays at `paths`, in order, to `root`, the tree of the spec at `specPath`. Returns the changed
    /// tree and the warnings (targets that match nothing); throws every diagnostic when one is an error.
    public static func apply(_ paths: [String], to root: consuming YAMLNode,
                             specPath: String) throws(SpecError) -> (root: YAMLNode, warnings: [Diagnostic]) {
        let (tree, warnings, _) = try applyTracingOrigins(paths, to: root, specPath: specPath)
        return (tree, warnings)
    }

    /// ``apply(_:to:specPath:)``, also returning where the added nodes came from.
    static func applyTracingOrigins(_ paths: [String], to root: consuming YAMLNode, specPath: String)
        throws(SpecError) -> (root: YAMLNode, warnings: [Diagnostic], origins: OverlayOrigins) {
        var tree = consume root
        var origins = OverlayOrigins()
        var diagnostics = Diagnostics()
        for path in paths {
            let overlay: Overlay
            do {
                overlay = try Overlay.load(contentsOf: path)
            } catch {
                for diagnostic in error.diagnostics {
                    if diagnostic.severity == .error {
                        diagnostics.error(diagnostic.message, at: diagnostic.location)
                    } else {
                        diagnostics.warning(diagnostic.message, at: diagnostic.location)
                    }
                }
                continue
            }
            overlay.apply(to: &tree, specPath: specPath, diagnostics: &diagnostics, origins: &origins)
        }
        if diagnostics.hasErrors { throw SpecError(diagnostics: diagnostics.sorted) }
        return (tree, diagnostics.sorted, origins)
    }
}
