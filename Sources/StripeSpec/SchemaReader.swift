import SpecYAML

/// Reads schema nodes into ``Schema`` values, reporting wrong shapes and unsupported keywords.
struct SchemaReader {
    let path: String
    var diagnostics = Diagnostics()
    /// Keywords that are understood, or harmless to ignore, in a schema.
    private static let knownKeys: Set<String> = [
        "$ref", "type", "format", "enum", "nullable", "maxLength", "title", "description", "properties",
        "required", "additionalProperties", "items", "anyOf", "oneOf", "allOf", "pattern",
        "x-expandableFields", "x-resourceId", "x-expansionResources", "x-stripeBypassValidation",
        "x-stripeResource", "x-stripeOperations", "x-stripeMostCommon", "x-stripeParam",
    ]
    private static let referencePrefix = "#/components/schemas/"

    init(path: String) {
        self.path = path
    }

    func location(_ node: YAMLNode) -> SourceLocation { SourceLocation(path: path, mark: node.mark) }

    /// Reads `node` as a schema; a node of the wrong shape is an error and reads as "any value".
    mutating func read(_ node: YAMLNode, context: String) -> Schema {
        guard let pairs = node.pairs else {
            diagnostics.error("\(context): expected a schema mapping, found a \(node.kindName)", at: location(node))
            return Schema(kind: .any, location: location(node))
        }
        var values: [String: YAMLNode] = [:]
        values.reserveCapacity(pairs.count)
        for pair in pairs {
            guard let key = pair.keyText else { continue }
            values[key] = pair.value
            if !Self.knownKeys.contains(key) {
                diagnostics.warning("\(context): unsupported schema keyword '\(key)' is ignored", at: location(pair.key))
            }
        }
        if let ref = values["$ref"] {
            return Schema(kind: readReference(ref, context: context), location: location(node))
        }
        let kind = readKind(values, node: node, context: context)
        return Schema(
            kind: kind,
            format: values["format"]?.string,
            enumValues: readEnum(values["enum"], context: context),
            nullable: values["nullable"]?.scalar?.bool ?? false,
            maxLength: readInt(values["maxLength"], keyword: "maxLength", context: context),
            title: values["title"]?.string,
            description: values["description"]?.string,
            extensions: readExtensions(values, context: context),
            location: location(node)
        )
    }

    private mutating func readReference(_ node: YAMLNode, context: String) -> Schema.Kind {
        guard let ref = node.string else {
            diagnostics.error("\(context): $ref must be a string", at: location(node))
            return .any
        }
        guard ref.hasPrefix(Self.referencePrefix) else {
            diagnostics.error("\(context): unsupported $ref '\(ref)': only '\(Self.referencePrefix)NAME' is supported",
                              at: location(node))
            return .any
        }
        return .reference(String(ref.dropFirst(Self.referencePrefix.count)))
    }

    private mutating func readKind(_ values: [String: YAMLNode], node: YAMLNode, context: String) -> Schema.Kind {
        if let members = values["anyOf"] { return .anyOf(readMembers(members, keyword: "anyOf", context: context)) }
        if let members = values["oneOf"] { return .oneOf(readMembers(members, keyword: "oneOf", context: context)) }
        if let members = values["allOf"] { return .allOf(readMembers(members, keyword: "allOf", context: context)) }
        let type = values["type"]?.string
        switch type {
        case "string": return .string
        case "integer": return .integer
        case "number": return .number
        case "boolean": return .boolean
        case "array":
            guard let items = values["items"] else {
                diagnostics.error("\(context): an array schema needs 'items'", at: location(node))
                return .array(items: Schema(kind: .any, location: location(node)))
            }
            return .array(items: read(items, context: "\(context)[]"))
        case "object":
            return .object(readObject(values, node: node, context: context))
        case nil:
            if values["properties"] != nil { return .object(readObject(values, node: node, context: context)) }
            return .any
        case let other?:
            diagnostics.error("\(context): unknown type '\(other)'", at: location(values["type"] ?? node))
            return .any
        }
    }

    private mutating func readObject(_ values: [String: YAMLNode], node: YAMLNode, context: String) -> ObjectSchema {
        var properties: [Property] = []
        if let propertiesNode = values["properties"] {
            if let pairs = propertiesNode.pairs {
                properties.reserveCapacity(pairs.count)
                for pair in pairs {
                    guard let name = pair.keyText else { continue }
                    properties.append(Property(name: name, schema: read(pair.value, context: "\(context).\(name)")))
                }
            } else {
                diagnostics.error("\(context): 'properties' must be a mapping, found a \(propertiesNode.kindName)",
                                  at: location(propertiesNode))
            }
        }
        var required: Set<String> = []
        if let requiredNode = values["required"] {
            if let items = requiredNode.items {
                for item in items {
                    guard let name = item.string else { continue }
                    required.insert(name)
                    if values["properties"] != nil, !properties.contains(where: { $0.name == name }) {
                        diagnostics.warning("\(context): required property '\(name)' is not declared", at: location(item))
                    }
                }
            } else {
                diagnostics.error("\(context): 'required' must be a sequence", at: location(requiredNode))
            }
        }
        var additional = ObjectSchema.AdditionalProperties.unspecified
        if let extra = values["additionalProperties"] {
            if let flag = extra.scalar?.bool {
                additional = flag ? .any : .forbidden
            } else {
                additional = .schema(read(extra, context: "\(context).additionalProperties"))
            }
        }
        return ObjectSchema(properties: properties, required: required, additionalProperties: additional)
    }

    private mutating func readMembers(_ node: YAMLNode, keyword: String, context: String) -> [Schema] {
        guard let items = node.items else {
            diagnostics.error("\(context): '\(keyword)' must be a sequence of schemas", at: location(node))
            return []
        }
        return items.enumerated().map { index, item in read(item, context: "\(context).\(keyword)[\(index)]") }
    }

    private mutating func readEnum(_ node: YAMLNode?, context: String) -> [String]? {
        guard let node else { return nil }
        guard let items = node.items else {
            diagnostics.error("\(context): 'enum' must be a sequence", at: location(node))
            return nil
        }
        return items.compactMap { $0.scalar?.text }
    }

    private mutating func readInt(_ node: YAMLNode?, keyword: String, context: String) -> Int? {
        guard let node else { return nil }
        guard let value = node.scalar?.int else {
            diagnostics.error("\(context): '\(keyword)' must be an integer", at: location(node))
            return nil
        }
        return value
    }

    private mutating func readExtensions(_ values: [String: YAMLNode], context: String) -> StripeExtensions {
        var extensions = StripeExtensions()
        if let fields = values["x-expandableFields"] {
            extensions.expandableFields = fields.items?.compactMap(\.string)
        }
        extensions.resourceID = values["x-resourceId"]?.string
        if let resources = values["x-expansionResources"] {
            if let oneOf = resources["oneOf"] {
                extensions.expansionResources = readMembers(oneOf, keyword: "x-expansionResources.oneOf", context: context)
            } else {
                diagnostics.warning("\(context): 'x-expansionResources' without 'oneOf' is ignored", at: location(resources))
            }
        }
        extensions.bypassValidation = values["x-stripeBypassValidation"]?.scalar?.bool ?? false
        return extensions
    }
}
