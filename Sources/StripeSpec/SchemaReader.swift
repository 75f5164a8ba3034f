import SpecYAML

/// Reads schema nodes into ``Schema`` values, reporting wrong shapes and unsupported keywords.
struct SchemaReader {
    let path: String
    var diagnostics = Diagnostics()
    private static let referencePrefix = "#/components/schemas/"

    /// The schema keywords read here.
    private enum Keyword: Int, CaseIterable {
        case ref, type, format, enumValues, nullable, maxLength, title, description, properties, required
        case additionalProperties, items, anyOf, oneOf, allOf, expandableFields, resourceID, expansionResources
        case bypassValidation
        /// Understood elsewhere, or harmless to ignore.
        case ignored
    }

    private static let keywords: [String: Keyword] = [
        "$ref": .ref, "type": .type, "format": .format, "enum": .enumValues, "nullable": .nullable,
        "maxLength": .maxLength, "title": .title, "description": .description, "properties": .properties,
        "required": .required, "additionalProperties": .additionalProperties, "items": .items, "anyOf": .anyOf,
        "oneOf": .oneOf, "allOf": .allOf, "x-expandableFields": .expandableFields, "x-resourceId": .resourceID,
        "x-expansionResources": .expansionResources, "x-stripeBypassValidation": .bypassValidation,
        "pattern": .ignored, "x-stripeResource": .ignored, "x-stripeOperations": .ignored,
        "x-stripeMostCommon": .ignored, "x-stripeParam": .ignored,
    ]

    /// The keywords of one schema mapping, found in a single pass: each keyword's index among the pairs.
    private struct Keywords {
        let pairs: [YAMLPair]
        private var slots = SIMD32<Int16>(repeating: -1)

        init(pairs: [YAMLPair]) {
            self.pairs = pairs
        }

        mutating func set(_ keyword: Keyword, at index: Int) {
            slots[keyword.rawValue] = Int16(truncatingIfNeeded: index)
        }

        subscript(_ keyword: Keyword) -> YAMLNode? {
            let index = Int(slots[keyword.rawValue])
            return index >= 0 ? pairs[index].value : nil
        }

        var ref: YAMLNode? { self[.ref] }
        var type: YAMLNode? { self[.type] }
        var format: YAMLNode? { self[.format] }
        var enumValues: YAMLNode? { self[.enumValues] }
        var nullable: YAMLNode? { self[.nullable] }
        var maxLength: YAMLNode? { self[.maxLength] }
        var title: YAMLNode? { self[.title] }
        var description: YAMLNode? { self[.description] }
        var properties: YAMLNode? { self[.properties] }
        var required: YAMLNode? { self[.required] }
        var additionalProperties: YAMLNode? { self[.additionalProperties] }
        var items: YAMLNode? { self[.items] }
        var anyOf: YAMLNode? { self[.anyOf] }
        var oneOf: YAMLNode? { self[.oneOf] }
        var allOf: YAMLNode? { self[.allOf] }
        var expandableFields: YAMLNode? { self[.expandableFields] }
        var resourceID: YAMLNode? { self[.resourceID] }
        var expansionResources: YAMLNode? { self[.expansionResources] }
        var bypassValidation: YAMLNode? { self[.bypassValidation] }
    }

    init(path: String) {
        self.path = path
    }

    func location(_ node: YAMLNode) -> SourceLocation { SourceLocation(path: path, mark: node.mark) }

    /// Reads `node` as a schema; a node of the wrong shape is an error and reads as "any value".
    mutating func read(_ node: YAMLNode, context: @autoclosure () -> String) -> Schema {
        guard let pairs = node.pairs else {
            diagnostics.error("\(context()): expected a schema mapping, found a \(node.kindName)", at: location(node))
            return Schema(kind: .any, location: location(node))
        }
        var values = Keywords(pairs: pairs)
        for index in pairs.indices {
            guard let key = pairs[index].keyText else { continue }
            guard let keyword = Self.keywords[key] else {
                diagnostics.warning("\(context()): unsupported schema keyword '\(key)' is ignored",
                                    at: location(pairs[index].key))
                continue
            }
            if keyword != .ignored, index <= Int(Int16.max) { values.set(keyword, at: index) }
        }
        if let ref = values.ref {
            return Schema(kind: readReference(ref, context: context()), location: location(node))
        }
        let kind = readKind(values, node: node, context: context())
        return Schema(
            kind: kind,
            format: values.format?.string,
            enumValues: readEnum(values.enumValues, context: context()),
            nullable: values.nullable?.scalar?.bool ?? false,
            maxLength: readInt(values.maxLength, keyword: "maxLength", context: context()),
            title: values.title?.string,
            description: values.description?.string,
            extensions: readExtensions(values, context: context()),
            location: location(node)
        )
    }

    private mutating func readReference(_ node: YAMLNode, context: @autoclosure () -> String) -> Schema.Kind {
        guard let ref = node.string else {
            diagnostics.error("\(context()): $ref must be a string", at: location(node))
            return .any
        }
        guard ref.hasPrefix(Self.referencePrefix) else {
            diagnostics.error("\(context()): unsupported $ref '\(ref)': only '\(Self.referencePrefix)NAME' is supported",
                              at: location(node))
            return .any
        }
        return .reference(String(ref.dropFirst(Self.referencePrefix.count)))
    }

    private mutating func readKind(_ values: Keywords, node: YAMLNode, context: @autoclosure () -> String) -> Schema.Kind {
        if let members = values.anyOf { return .anyOf(readMembers(members, keyword: "anyOf", context: context())) }
        if let members = values.oneOf { return .oneOf(readMembers(members, keyword: "oneOf", context: context())) }
        if let members = values.allOf { return .allOf(readMembers(members, keyword: "allOf", context: context())) }
        let type = values.type?.string
        switch type {
        case "string": return .string
        case "integer": return .integer
        case "number": return .number
        case "boolean": return .boolean
        case "array":
            guard let items = values.items else {
                diagnostics.error("\(context()): an array schema needs 'items'", at: location(node))
                return .array(items: Schema(kind: .any, location: location(node)))
            }
            return .array(items: read(items, context: "\(context())[]"))
        case "object":
            return .object(readObject(values, node: node, context: context()))
        case nil:
            if values.properties != nil { return .object(readObject(values, node: node, context: context())) }
            return .any
        case let other?:
            diagnostics.error("\(context()): unknown type '\(other)'", at: location(values.type ?? node))
            return .any
        }
    }

    private mutating func readObject(_ values: Keywords, node: YAMLNode, context: @autoclosure () -> String) -> ObjectSchema {
        var properties: [Property] = []
        if let propertiesNode = values.properties {
            if let pairs = propertiesNode.pairs {
                properties.reserveCapacity(pairs.count)
                for pair in pairs {
                    guard let name = pair.keyText else { continue }
                    properties.append(Property(name: name, schema: read(pair.value, context: "\(context()).\(name)")))
                }
            } else {
                diagnostics.error("\(context()): 'properties' must be a mapping, found a \(propertiesNode.kindName)",
                                  at: location(propertiesNode))
            }
        }
        var required: Set<String> = []
        if let requiredNode = values.required {
            if let items = requiredNode.items {
                for item in items {
                    guard let name = item.string else { continue }
                    required.insert(name)
                    if values.properties != nil, !properties.contains(where: { $0.name == name }) {
                        diagnostics.warning("\(context()): required property '\(name)' is not declared", at: location(item))
                    }
                }
            } else {
                diagnostics.error("\(context()): 'required' must be a sequence", at: location(requiredNode))
            }
        }
        var additional = ObjectSchema.AdditionalProperties.unspecified
        if let extra = values.additionalProperties {
            if let flag = extra.scalar?.bool {
                additional = flag ? .any : .forbidden
            } else {
                additional = .schema(read(extra, context: "\(context()).additionalProperties"))
            }
        }
        return ObjectSchema(properties: properties, required: required, additionalProperties: additional)
    }

    private mutating func readMembers(_ node: YAMLNode, keyword: String, context: @autoclosure () -> String) -> [Schema] {
        guard let items = node.items else {
            diagnostics.error("\(context()): '\(keyword)' must be a sequence of schemas", at: location(node))
            return []
        }
        return items.enumerated().map { index, item in read(item, context: "\(context()).\(keyword)[\(index)]") }
    }

    private mutating func readEnum(_ node: YAMLNode?, context: @autoclosure () -> String) -> [String]? {
        guard let node else { return nil }
        guard let items = node.items else {
            diagnostics.error("\(context()): 'enum' must be a sequence", at: location(node))
            return nil
        }
        return items.compactMap { $0.scalar?.text }
    }

    private mutating func readInt(_ node: YAMLNode?, keyword: String, context: @autoclosure () -> String) -> Int? {
        guard let node else { return nil }
        guard let value = node.scalar?.int else {
            diagnostics.error("\(context()): '\(keyword)' must be an integer", at: location(node))
            return nil
        }
        return value
    }

    private mutating func readExtensions(_ values: Keywords, context: @autoclosure () -> String) -> StripeExtensions {
        var extensions = StripeExtensions()
        if let fields = values.expandableFields {
            extensions.expandableFields = fields.items?.compactMap(\.string)
        }
        extensions.resourceID = values.resourceID?.string
        if let resources = values.expansionResources {
            if let oneOf = resources["oneOf"] {
                extensions.expansionResources = readMembers(oneOf, keyword: "x-expansionResources.oneOf", context: context())
            } else {
                diagnostics.warning("\(context()): 'x-expansionResources' without 'oneOf' is ignored", at: location(resources))
            }
        }
        extensions.bypassValidation = values.bypassValidation?.scalar?.bool ?? false
        return extensions
    }
}
