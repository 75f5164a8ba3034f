import SpecYAML

/// Rewrites schema trees for `trim`: expandable references to cut resources become their id string,
/// optional properties that hold a cut resource directly are dropped, and descriptions go unless kept.
struct SchemaRewriter {
    let cut: Set<String>
    let keepDescriptions: Bool
    private static let referencePrefix = "#/components/schemas/"

    /// Rewrites the schemas inside a path item (parameters, bodies, responses), dropping prose.
    func rewriteOperations(_ node: YAMLNode) -> YAMLNode {
        guard let pairs = node.pairs else { return node }
        return .mapping(pairs.compactMap { pair in
            let key = pair.keyText ?? ""
            if key == "description", !keepDescriptions, pair.value.scalar != nil {
                // Responses need a description in OpenAPI 3; keep the key, drop the prose.
                // A `description` that is not text names something, e.g. the form field in `encoding`, and stays.
                return YAMLPair(key: pair.key, value: .string("", style: .singleQuoted))
            }
            if key == "schema" { return YAMLPair(key: pair.key, value: rewriteSchema(pair.value)) }
            switch pair.value.content {
            case .scalar: return pair
            case .sequence(let items): return YAMLPair(key: pair.key, value: .sequence(items.map(rewriteOperations), mark: pair.value.mark))
            case .mapping: return YAMLPair(key: pair.key, value: rewriteOperations(pair.value))
            }
        })
    }

    /// Rewrites one schema and everything inside it.
    func rewriteSchema(_ node: YAMLNode) -> YAMLNode {
        guard let pairs = node.pairs else { return node }
        if let collapsed = collapseExpandable(pairs) { return rewriteSchema(collapsed) }
        var removedProperties: Set<String> = []
        var required: Set<String> = []
        for item in node["required"]?.items ?? [] { if let name = item.string { required.insert(name) } }
        var result: [YAMLPair] = []
        for pair in pairs {
            let key = pair.keyText ?? ""
            switch key {
            case "description" where !keepDescriptions:
                continue
            case "properties":
                var properties: [YAMLPair] = []
                for property in pair.value.pairs ?? [] {
                    let name = property.keyText ?? ""
                    let targets = directReferences(property.value)
                    if !required.contains(name), !targets.isEmpty, targets.allSatisfy(cut.contains) {
                        removedProperties.insert(name)
                        continue
                    }
                    properties.append(YAMLPair(key: property.key, value: rewriteSchema(property.value)))
                }
                result.append(YAMLPair(key: pair.key, value: .mapping(properties, mark: pair.value.mark)))
            case "items", "additionalProperties", "not":
                result.append(YAMLPair(key: pair.key, value: rewriteSchema(pair.value)))
            case "anyOf", "oneOf", "allOf":
                result.append(YAMLPair(key: pair.key, value: .sequence((pair.value.items ?? []).map(rewriteSchema), mark: pair.value.mark)))
            case "x-expansionResources":
                result.append(YAMLPair(key: pair.key, value: rewriteSchema(pair.value)))
            default:
                result.append(pair)
            }
        }
        let collapsedFields = Set((node["properties"]?.pairs ?? []).compactMap { property -> String? in
            guard let name = property.keyText, let members = property.value["anyOf"]?.items else { return nil }
            return expandableMembersAllCut(members) ? name : nil
        }).union(removedProperties)
        if !collapsedFields.isEmpty {
            result = result.map { pair in
                guard pair.keyText == "x-expandableFields", let fields = pair.value.items else { return pair }
                return YAMLPair(key: pair.key, value: .sequence(fields.filter { !collapsedFields.contains($0.string ?? "") },
                                                                mark: pair.value.mark))
            }
        }
        return .mapping(result, mark: node.mark)
    }

    /// The components a schema holds directly: `$ref: X`, an `anyOf` made only of references, or a list object
    /// (`{data: [...], has_more, …}`) whose items are one of those.
    private func directReferences(_ node: YAMLNode) -> [String] {
        if let ref = node["$ref"]?.string { return name(ref).map { [$0] } ?? [] }
        if let items = node["properties"]?["data"]?["items"], node["properties"]?["has_more"] != nil {
            return directReferences(items)
        }
        guard let members = node["anyOf"]?.items else { return [] }
        let names = members.compactMap { $0["$ref"]?.string.flatMap(name) }
        return names.count == members.count ? names : []
    }

    private func name(_ ref: String) -> String? {
        ref.hasPrefix(Self.referencePrefix) ? String(ref.dropFirst(Self.referencePrefix.count)) : nil
    }

    /// Whether an `anyOf` is an id string plus references that are all cut.
    private func expandableMembersAllCut(_ members: [YAMLNode]) -> Bool {
        let refs = members.compactMap { $0["$ref"]?.string.flatMap(name) }
        let strings = members.filter { $0["type"]?.string == "string" && $0["enum"] == nil }
        return !refs.isEmpty && strings.count == 1 && refs.count == members.count - 1 && refs.allSatisfy(cut.contains)
    }

    /// `anyOf: [string, $ref cut...]` becomes the string schema, keeping the outer `nullable` and `description`.
    private func collapseExpandable(_ pairs: [YAMLPair]) -> YAMLNode? {
        guard let members = pairs.first(where: { $0.keyText == "anyOf" })?.value.items,
              expandableMembersAllCut(members),
              let idSchema = members.first(where: { $0["type"]?.string == "string" })?.pairs else { return nil }
        var result = idSchema
        for pair in pairs where ["nullable", "description"].contains(pair.keyText ?? "") {
            result.append(pair)
        }
        return .mapping(result)
    }
}
