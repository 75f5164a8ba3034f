import SpecYAML

/// Cuts a full spec down to the configured paths and the component schemas they reach, working on the YAML tree
/// so that the output keeps the source's structure and order. Trimming its own output changes nothing.
public enum SpecTrimmer {
    private static let referencePrefix = "#/components/schemas/"

    /// Trims `root` (a full spec read from `path`) by `configuration`.
    public static func trim(_ root: YAMLNode, path: String, configuration: TrimConfiguration) throws(SpecError) -> YAMLNode {
        let rewriter = SchemaRewriter(cut: configuration.cut, keepDescriptions: configuration.keepDescriptions)
        let schemaTable = Dictionary((root["components"]?["schemas"]?.pairs ?? []).compactMap { pair in
            pair.keyText.map { ($0, pair.value) }
        }, uniquingKeysWith: { first, _ in first })

        var keptPaths: [YAMLPair] = []
        for pair in root["paths"]?.pairs ?? [] where configuration.keeps(path: pair.keyText ?? "") {
            let operations = keptOperations(of: pair.value, path: pair.keyText ?? "", configuration: configuration)
            keptPaths.append(YAMLPair(key: pair.key, value: rewriter.rewriteOperations(operations)))
        }
        var diagnostics = Diagnostics()
        if keptPaths.isEmpty {
            diagnostics.error("no path matches \(configuration.paths)", at: SourceLocation(path: path, mark: root.mark))
        }
        var pending: [String] = []
        for pair in keptPaths { collectReferences(pair.value, into: &pending) }
        for name in configuration.schemas {
            if schemaTable[name] == nil {
                diagnostics.error("configured schema '\(name)' is not in the spec", at: SourceLocation(path: path, mark: root.mark))
            }
            pending.append(name)
        }
        if diagnostics.hasErrors { throw SpecError(diagnostics: diagnostics.sorted) }

        var kept: [String: YAMLNode] = [:]
        _ = ReachabilityFilter.reach(from: pending) { name in
            guard let schema = schemaTable[name] else { return [] }
            let rewritten = rewriter.rewriteSchema(schema)
            kept[name] = rewritten
            var references: [String] = []
            collectReferences(rewritten, into: &references)
            return references
        }
        if !configuration.events.isEmpty, let event = kept["event"] {
            let types = eventTypes(in: root, existing: event).filter(configuration.keeps(eventType:)).sorted()
            kept["event"] = withEventTypes(event, types)
        }
        let schemaPairs = kept.keys.sorted().compactMap { name in
            kept[name].map { YAMLPair(key: .string(name), value: $0) }
        }
        return output(root, paths: keptPaths, schemas: schemaPairs, keepDescriptions: configuration.keepDescriptions)
    }

    /// A path item without the operations that no configured pattern keeps (`GET /v1/x` keeps only the `get`);
    /// keys that are not methods, such as `parameters`, stay.
    private static func keptOperations(of item: YAMLNode, path: String, configuration: TrimConfiguration) -> YAMLNode {
        guard let pairs = item.pairs else { return item }
        return .mapping(pairs.filter { pair in
            let key = pair.keyText ?? ""
            return !ReachabilityFilter.openAPIMethods.contains(key) || configuration.filter.keeps(method: key, path: path)
        }, mark: item.mark)
    }

    /// Event type names the spec lists: the `enabled_events` values of any request body, or else the
    /// `type` enum an already trimmed `event` schema carries.
    private static func eventTypes(in root: YAMLNode, existing event: YAMLNode) -> [String] {
        var values: Set<String> = []
        for path in root["paths"]?.pairs ?? [] {
            for operation in path.value.pairs ?? [] {
                for content in operation.value["requestBody"]?["content"]?.pairs ?? [] {
                    let items = content.value["schema"]?["properties"]?["enabled_events"]?["items"]
                    for value in items?["enum"]?.items ?? [] { if let text = value.string { values.insert(text) } }
                }
            }
        }
        if values.isEmpty {
            for value in event["properties"]?["type"]?["enum"]?.items ?? [] { if let text = value.string { values.insert(text) } }
        }
        return Array(values)
    }

    /// The `event` schema with `type` limited to `types`.
    private static func withEventTypes(_ event: YAMLNode, _ types: [String]) -> YAMLNode {
        guard let pairs = event.pairs else { return event }
        return .mapping(pairs.map { pair in
            guard pair.keyText == "properties", let properties = pair.value.pairs else { return pair }
            return YAMLPair(key: pair.key, value: .mapping(properties.map { property in
                guard property.keyText == "type", let typePairs = property.value.pairs else { return property }
                var rewritten = typePairs.filter { $0.keyText != "enum" }
                rewritten.append(YAMLPair(key: .string("enum"), value: .sequence(types.map { .string($0) })))
                return YAMLPair(key: property.key, value: .mapping(rewritten, mark: property.value.mark))
            }, mark: pair.value.mark))
        }, mark: event.mark)
    }

    private static func output(_ root: YAMLNode, paths: [YAMLPair], schemas: [YAMLPair], keepDescriptions: Bool) -> YAMLNode {
        var pairs: [YAMLPair] = []
        var components: [YAMLPair] = [YAMLPair(key: .string("schemas"), value: .mapping(schemas))]
        if let security = root["components"]?["securitySchemes"] {
            components.append(YAMLPair(key: .string("securitySchemes"), value: dropDescriptions(security, keep: keepDescriptions)))
        }
        pairs.append(YAMLPair(key: .string("components"), value: .mapping(components)))
        if let info = root["info"] {
            let infoPairs = (info.pairs ?? []).filter { ["title", "version"].contains($0.keyText ?? "") }
            pairs.append(YAMLPair(key: .string("info"), value: .mapping(infoPairs)))
        }
        for key in ["openapi"] {
            if let value = root[key] { pairs.append(YAMLPair(key: .string(key), value: value)) }
        }
        pairs.append(YAMLPair(key: .string("paths"), value: .mapping(paths)))
        for key in ["security", "servers"] {
            if let value = root[key] { pairs.append(YAMLPair(key: .string(key), value: value)) }
        }
        return .mapping(pairs)
    }

    private static func dropDescriptions(_ node: YAMLNode, keep: Bool) -> YAMLNode {
        guard !keep, let pairs = node.pairs else { return node }
        return .mapping(pairs.compactMap { pair in
            pair.keyText == "description" ? nil : YAMLPair(key: pair.key, value: dropDescriptions(pair.value, keep: keep))
        })
    }

    /// Appends every component name referenced under `node`.
    static func collectReferences(_ node: YAMLNode, into names: inout [String]) {
        switch node.content {
        case .scalar: return
        case .sequence(let items): for item in items { collectReferences(item, into: &names) }
        case .mapping(let pairs):
            for pair in pairs {
                if pair.keyText == "$ref", let ref = pair.value.string, ref.hasPrefix(referencePrefix) {
                    names.append(String(ref.dropFirst(referencePrefix.count)))
                } else {
                    collectReferences(pair.value, into: &names)
                }
            }
        }
    }
}
