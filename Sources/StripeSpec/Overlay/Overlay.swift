import SpecYAML

/// An OpenAPI Overlay 1.0 document: actions that change a spec's YAML tree before it is read, so a spec can be
/// patched (a filter Stripe's API takes but its spec lacks) without forking it.
struct Overlay: Sendable {
    /// One change: the nodes `target` selects get `update` merged into them, or are removed.
    struct Action: Sendable {
        /// What the action does to each node it targets.
        enum Change: Sendable {
            /// Merge this node into each target: mappings recursively, sequences appended, scalars replaced.
            case update(YAMLNode)
            /// Remove each target from its parent.
            case remove
        }

        /// The parsed `target`.
        var target: JSONPath
        /// Where `target` was written.
        var targetLocation: SourceLocation
        /// `description`, when given.
        var description: String?
        var change: Change
    }

    /// The overlay file.
    var path: String
    /// `info.title`.
    var title: String
    /// `info.version`.
    var version: String
    /// The actions in the order they apply.
    var actions: [Action]
}
