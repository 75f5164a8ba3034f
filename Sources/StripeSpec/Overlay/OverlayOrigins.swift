import SpecYAML

/// Where the nodes overlays added came from, so a diagnostic on one can name the overlay file instead of the spec.
/// A node knows its line and column but not its file: a place is moved to an overlay only when an overlay node has
/// it and no node of the spec as written does.
struct OverlayOrigins: Sendable {
    /// The overlay file of each place an overlay node has; the first overlay wins when two share a place.
    private(set) var files: [Mark: String] = [:]

    var isEmpty: Bool { files.isEmpty }

    /// Records every node of `node` (keys included) as coming from the overlay at `path`.
    mutating func record(_ node: YAMLNode, from path: String) {
        if files[node.mark] == nil { files[node.mark] = path }
        switch node.content {
        case .scalar: break
        case .sequence(let items): for item in items { record(item, from: path) }
        case .mapping(let pairs):
            for pair in pairs {
                record(pair.key, from: path)
                record(pair.value, from: path)
            }
        }
    }

    /// `diagnostics` with each one placed in `specPath` at an overlay node's place moved to that overlay, unless the
    /// spec as written (`original()`, parsed only when needed) has a node at the same place.
    func relocate(_ diagnostics: [Diagnostic], specPath: String, original: () -> YAMLNode?) -> [Diagnostic] {
        let candidates = diagnostics.filter { $0.location.path == specPath && files[$0.location.mark] != nil }
        guard !candidates.isEmpty else { return diagnostics }
        var specMarks = Set<Mark>()
        if let tree = original() { Self.collect(tree, into: &specMarks) }
        return diagnostics.map { diagnostic in
            guard diagnostic.location.path == specPath, let file = files[diagnostic.location.mark],
                  !specMarks.contains(diagnostic.location.mark) else { return diagnostic }
            var moved = diagnostic
            moved.location.path = file
            return moved
        }
    }

    private static func collect(_ node: YAMLNode, into marks: inout Set<Mark>) {
        marks.insert(node.mark)
        switch node.content {
        case .scalar: break
        case .sequence(let items): for item in items { collect(item, into: &marks) }
        case .mapping(let pairs):
            for pair in pairs {
                marks.insert(pair.key.mark)
                collect(pair.value, into: &marks)
            }
        }
    }
}
