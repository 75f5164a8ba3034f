import SpecYAML

/// What `trim` keeps from a full spec: path globs, extra schemas, and the resources at which the graph is cut.
public struct TrimConfiguration: Sendable, Hashable {
    /// Path globs (``PathGlob``, starting with `/`): `*` matches one segment, `**` any number of trailing segments.
    /// A glob after a method (`GET /v1/invoices/*`) keeps only that method's operations on the matching paths.
    public var paths: [String]
    /// Component schemas kept even when no kept path reaches them (e.g. `event`, `error`).
    public var schemas: [String]
    /// Resources not carried along: expandable references to them become the id string,
    /// and optional properties that hold them directly are dropped.
    public var cut: Set<String>
    /// Keep `description`s; by default they are dropped.
    public var keepDescriptions: Bool
    /// Event type globs (`checkout.session.*`): the matching webhook event types the full spec lists become
    /// the `enum` of the kept `event` schema's `type`, so bindings can type those events.
    public var events: [String]

    /// Creates a configuration keeping `paths` and the extra `schemas`, cutting at `cut`; descriptions are dropped
    /// unless `keepDescriptions`.
    public init(paths: [String], schemas: [String] = [], cut: Set<String> = [], keepDescriptions: Bool = false,
                events: [String] = []) {
        self.paths = paths
        self.schemas = schemas
        self.cut = cut
        self.keepDescriptions = keepDescriptions
        self.events = events
    }

    /// Reads a configuration file's YAML tree; `path` names it in diagnostics.
    public static func read(_ root: YAMLNode, path: String) throws(SpecError) -> TrimConfiguration {
        var diagnostics = Diagnostics()
        func strings(_ key: String) -> [String] {
            guard let node = root[key] else { return [] }
            guard let items = node.items else {
                diagnostics.error("'\(key)' must be a list of strings", at: SourceLocation(path: path, mark: node.mark))
                return []
            }
            return items.compactMap { item in
                guard let text = item.string else {
                    diagnostics.error("'\(key)' entries must be strings", at: SourceLocation(path: path, mark: item.mark))
                    return nil
                }
                return text
            }
        }
        guard let pairs = root.pairs else {
            throw SpecError(diagnostics: [Diagnostic(.error, "the trim configuration must be a mapping",
                                                     at: SourceLocation(path: path, mark: root.mark))])
        }
        let known: Set<String> = ["paths", "schemas", "cut", "keepDescriptions", "events"]
        for pair in pairs where !known.contains(pair.keyText ?? "") {
            diagnostics.error("unknown trim setting '\(pair.keyText ?? "?")' (known: \(known.sorted().joined(separator: ", ")))",
                              at: SourceLocation(path: path, mark: pair.key.mark))
        }
        for item in root["paths"]?.items ?? [] {
            if let text = item.string, ReachabilityFilter.pathPattern(text) == nil {
                diagnostics.error("'paths' entry '\(text)' is neither a path glob ('/v1/…') nor a method and a path glob ('GET /v1/…')",
                                  at: SourceLocation(path: path, mark: item.mark))
            }
        }
        let configuration = TrimConfiguration(
            paths: strings("paths"), schemas: strings("schemas"), cut: Set(strings("cut")),
            keepDescriptions: root["keepDescriptions"]?.scalar?.bool ?? false, events: strings("events"))
        if configuration.paths.isEmpty {
            diagnostics.error("'paths' must name at least one path glob", at: SourceLocation(path: path, mark: root.mark))
        }
        if diagnostics.hasErrors { throw SpecError(diagnostics: diagnostics.sorted) }
        return configuration
    }

    /// The paths and extra schemas to keep, as the filter `trim` applies.
    public var filter: ReachabilityFilter { ReachabilityFilter(operations: paths, schemas: schemas) }

    /// Whether `path` matches one of the configured globs.
    public func keeps(path: String) -> Bool {
        filter.keeps(path: path)
    }

    /// Whether an event type matches one of the configured event globs.
    public func keeps(eventType: String) -> Bool {
        events.contains { PathGlob($0, separator: ".").matches(eventType) }
    }
}
