import Foundation
import SpecYAML

/// A spec read without errors, and the warnings found on the way.
public struct LoadedSpec: Sendable {
    /// The document that was read.
    public var document: OpenAPIDocument
    /// Problems that did not stop loading, in the order found.
    public var warnings: [Diagnostic]
}

/// The spec stage's entry point: YAML or JSON bytes in, a resolved ``OpenAPIDocument`` out, or every error with its place.
public enum SpecLoader {
    /// Reads the spec file at `path`.
    public static func load(contentsOf path: String) throws(SpecError) -> LoadedSpec {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SpecError(diagnostics: [Diagnostic(.error, "cannot read the spec file",
                                                     at: SourceLocation(path: path, mark: Mark(line: 1, column: 1)))])
        }
        return try load(bytes: data, path: path)
    }

    /// Reads the spec file at `path` with the overlay files at `overlays` applied to it first, in order; the
    /// overlays' warnings come before the spec's.
    public static func load(contentsOf path: String, overlays: [String]) throws(SpecError) -> LoadedSpec {
        guard !overlays.isEmpty else { return try load(contentsOf: path) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SpecError(diagnostics: [Diagnostic(.error, "cannot read the spec file",
                                                     at: SourceLocation(path: path, mark: Mark(line: 1, column: 1)))])
        }
        let (root, warnings, origins) = try SpecOverlays.applyTracingOrigins(overlays, to: try parse(data, path: path),
                                                                             specPath: path)
        // Diagnostics on nodes an overlay added name the overlay file.
        func placed(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
            origins.relocate(diagnostics, specPath: path) { try? YAMLLoader.load(bytes: data, path: path) }
        }
        do throws(SpecError) {
            var loaded = try read(consume root, path: path, releasing: true)
            loaded.warnings = warnings + placed(loaded.warnings)
            return loaded
        } catch {
            throw SpecError(diagnostics: warnings + placed(error.diagnostics))
        }
    }

    /// Reads spec bytes; `path` names the source in diagnostics.
    public static func load(bytes: some Collection<UInt8>, path: String) throws(SpecError) -> LoadedSpec {
        let root = try parse(bytes, path: path)
        // The tree is this function's alone: the reader may free it piece by piece as it goes.
        return try read(consume root, path: path, releasing: true)
    }

    /// Reads an already parsed YAML tree.
    public static func load(root: YAMLNode, path: String) throws(SpecError) -> LoadedSpec {
        try read(root, path: path, releasing: false)
    }

    /// The YAML tree of `bytes`, or its error as a diagnostic.
    private static func parse(_ bytes: some Collection<UInt8>, path: String) throws(SpecError) -> YAMLNode {
        do {
            return try YAMLLoader.load(bytes: bytes, path: path)
        } catch {
            throw SpecError(diagnostics: [Diagnostic(.error, error.message,
                                                     at: SourceLocation(path: error.path, mark: error.mark))])
        }
    }

    /// Reads `root`; with `releasing`, nobody else holds the tree, and its parts are freed as they are read.
    private static func read(_ root: consuming YAMLNode, path: String, releasing: Bool) throws(SpecError) -> LoadedSpec {
        var reader = DocumentReader(path: path)
        let (document, diagnostics) = reader.read(consume root, releasing: releasing)
        if diagnostics.hasErrors {
            throw SpecError(diagnostics: diagnostics.sorted)
        }
        return LoadedSpec(document: document, warnings: diagnostics.sorted)
    }
}
