import SpecYAML

/// Reads schema nodes into ``Schema`` values, reporting wrong shapes and unsupported keywords.
struct SchemaReader {
    let path: String
    var diagnostics = Diagnostics()
    /// Every `$ref` read, with the place of its schema: what ``ReferenceChecker`` checks, gathered here so that it
    /// need not walk all the schemas again.
    var references: [(name: String, location: SourceLocation)] = []
    private static let referencePrefix = "#/components/schemas/"
    private static let referencePrefixBytes = Array(referencePrefix.utf8)

    /// The schema keywords read here.
    private enum Keyword: Int, CaseIterable {
        case ref, type, format, enumValues, nullable, maxLength, title, description, properties, required
        case additionalProperties, items, anyOf, oneOf, allOf, expandableFields, resourceID, expansionResources
        case bypassValidation
        /// Understood elsewhere, or harmless to ignore.
        case ignored
    }

    /// The keyword named `key`, found by length and first byte before any string comparison: this runs once per
    /// key of every schema, and a dictionary would hash each key first.
    @inline(__always)
    private static func keyword(_ key: String) -> Keyword? {
        let utf8 = key.utf8
        switch utf8.count {
        case 4:
            if key == "type" { return .type }
            if key == "$ref" { return .ref }
            if key == "enum" { return .enumValues }
        case 5:
            switch utf8.first {
            case UInt8(ascii: "t"): if key == "title" { return .title }
            case UInt8(ascii: "i"): if key == "items" { return .items }
            case UInt8(ascii: "a"):
                if key == "anyOf" { return .anyOf }
                if key == "allOf" { return .allOf }
            case UInt8(ascii: "o"): if key == "oneOf" { return .oneOf }
            default: break
            }
        case 6: if key == "format" { return .format }
        case 7: if key == "pattern" { return .ignored }
        case 8:
            if key == "required" { return .required }
            if key == "nullable" { return .nullable }
        case 9: if key == "maxLength" { return .maxLength }
        case 10: if key == "properties" { return .properties }
        case 11: if key == "description" { return .description }
        case 12: if key == "x-resourceId" { return .resourceID }
        case 13: if key == "x-stripeParam" { return .ignored }
        case 16: if key == "x-stripeResource" { return .ignored }
        case 18:
            if key == "x-expandableFields" { return .expandableFields }
            if key == "x-stripeOperations" || key == "x-stripeMostCommon" { return .ignored }
        case 20:
            if key == "additionalProperties" { return .additionalProperties }
            if key == "x-expansionResources" { return .expansionResources }
        case 24: if key == "x-stripeBypassValidation" { return .bypassValidation }
        default: break
        }
        return nil
    }

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

        /// The keyword's value as a non-null scalar's text, without copying the node.
        func string(_ keyword: Keyword) -> String? {
            let index = Int(slots[keyword.rawValue])
            guard index >= 0, case .scalar(let scalar) = pairs[index].value.content, !scalar.isNull else { return nil }
            return scalar.text
        }

        /// The keyword's value as a plain boolean, without copying the node.
        func bool(_ keyword: Keyword) -> Bool? {
            let index = Int(slots[keyword.rawValue])
            guard index >= 0, case .scalar(let scalar) = pairs[index].value.content else { return nil }
            return scalar.bool
        }

        func has(_ keyword: Keyword) -> Bool { slots[keyword.rawValue] >= 0 }

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
        guard case .mapping(let pairs) = node.content else {
            diagnostics.error("\(context()): expected a schema mapping, found a \(node.kindName)", at: location(node))
            return Schema(kind: .any, location: location(node))
        }
        var values = Keywords(pairs: pairs)
        for index in pairs.indices {
            guard case .scalar(let keyScalar) = pairs[index].key.content else { continue }
            let key = keyScalar.text
            guard let keyword = Self.keyword(key) else {
                diagnostics.warning("\(context()): unsupported schema keyword '\(key)' is ignored",
                                    at: location(pairs[index].key))
                continue
            }
            if keyword != .ignored, index <= Int(Int16.max) { values.set(keyword, at: index) }
        }
        if let ref = values.ref {
            let kind = readReference(ref, context: context())
            let location = location(node)
            if case .reference(let name) = kind { references.append((name, location)) }
            return Schema(kind: kind, location: location)
        }
        let kind = readKind(values, node: node, context: context())
        return Schema(
            kind: kind,
            format: values.string(.format),
            enumValues: readEnum(values.enumValues, context: context()),
            nullable: values.bool(.nullable) ?? false,
            maxLength: readInt(values.maxLength, keyword: "maxLength", context: context()),
            title: values.string(.title),
            description: values.string(.description),
            extensions: readExtensions(values, context: context()),
            location: location(node)
        )
    }

    private mutating func readReference(_ node: YAMLNode, context: @autoclosure () -> String) -> Schema.Kind {
        guard let ref = node.string else {
            diagnostics.error("\(context()): $ref must be a string", at: location(node))
            return .any
        }
        let prefixLength = Self.referencePrefix.utf8.count
        let utf8 = ref.utf8
        // The prefix is ASCII: when the bytes match and an ASCII byte (or nothing) follows, no character straddles the
        // cut, so comparing and dropping bytes gives what comparing and dropping characters would, without the walk.
        let cutIsClean = utf8.count >= prefixLength && utf8.withContiguousStorageIfAvailable { bytes in
            Self.referencePrefixBytes.withUnsafeBufferPointer { prefix in
                for index in 0..<prefixLength where bytes[index] != prefix[index] { return false }
                return bytes.count == prefixLength || bytes[prefixLength] < 0x80
            }
        } == true
        if cutIsClean {
            return .reference(String(Substring(utf8.dropFirst(prefixLength))))
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
        let type = values.string(.type)
        // By length first: a string switch compares with every case in turn.
        switch type?.utf8.count {
        case 6:
            if type == "string" { return .string }
            if type == "number" { return .number }
            if type == "object" { return .object(readObject(values, node: node, context: context())) }
        case 7:
            if type == "integer" { return .integer }
            if type == "boolean" { return .boolean }
        default: break
        }
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
            if values.has(.properties) { return .object(readObject(values, node: node, context: context())) }
            return .any
        case let other?:
            diagnostics.error("\(context()): unknown type '\(other)'", at: location(values.type ?? node))
            return .any
        }
    }

    private mutating func readObject(_ values: Keywords, node: YAMLNode, context: @autoclosure () -> String) -> ObjectSchema {
        var properties: [Property] = []
        if let propertiesNode = values.properties {
            if case .mapping(let pairs) = propertiesNode.content {
                properties.reserveCapacity(pairs.count)
                for index in pairs.indices {
                    guard case .scalar(let key) = pairs[index].key.content else { continue }
                    let name = key.text
                    properties.append(Property(name: name, schema: read(pairs[index].value, context: "\(context()).\(name)")))
                }
            } else {
                diagnostics.error("\(context()): 'properties' must be a mapping, found a \(propertiesNode.kindName)",
                                  at: location(propertiesNode))
            }
        }
        var required: Set<String> = []
        if let requiredNode = values.required {
            let declaresProperties = values.has(.properties)
            if case .sequence(let items) = requiredNode.content {
                required.reserveCapacity(items.count)
                for item in items {
                    guard let name = item.string else { continue }
                    required.insert(name)
                    if declaresProperties, !Self.contains(properties, name) {
                        diagnostics.warning("\(context()): required property '\(name)' is not declared", at: location(item))
                    }
                }
            } else {
                diagnostics.error("\(context()): 'required' must be a sequence", at: location(requiredNode))
            }
        }
        var additional = ObjectSchema.AdditionalProperties.unspecified
        if let extra = values.additionalProperties {
            if case .scalar(let scalar) = extra.content, let flag = scalar.bool {
                additional = flag ? .any : .forbidden
            } else {
                additional = .schema(read(extra, context: "\(context()).additionalProperties"))
            }
        }
        return ObjectSchema(properties: properties, required: required, additionalProperties: additional)
    }

    /// Whether `properties` has one named `name`. Lengths are compared first when that is exact (an ASCII name
    /// without `K`, `;` or `` ` ``, the only ASCII characters other characters are canonically equivalent to),
    /// so most misses cost no string comparison.
    private static func contains(_ properties: [Property], _ name: String) -> Bool {
        let count = name.utf8.count
        let lengthsDecide = name.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes
            where byte >= 0x80 || byte == UInt8(ascii: "K") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "`") {
                return false
            }
            return true
        } ?? false
        for property in properties {
            if lengthsDecide, property.name.utf8.count != count { continue }
            if property.name == name { return true }
        }
        return false
    }

    private mutating func readMembers(_ node: YAMLNode, keyword: String, context: @autoclosure () -> String) -> [Schema] {
        guard let items = node.items else {
            diagnostics.error("\(context()): '\(keyword)' must be a sequence of schemas", at: location(node))
            return []
        }
        var members: [Schema] = []
        members.reserveCapacity(items.count)
        for index in items.indices {
            members.append(read(items[index], context: "\(context()).\(keyword)[\(index)]"))
        }
        return members
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
        extensions.resourceID = values.string(.resourceID)
        if let resources = values.expansionResources {
            if let oneOf = resources["oneOf"] {
                extensions.expansionResources = readMembers(oneOf, keyword: "x-expansionResources.oneOf", context: context())
            } else {
                diagnostics.warning("\(context()): 'x-expansionResources' without 'oneOf' is ignored", at: location(resources))
            }
        }
        extensions.bypassValidation = values.bool(.bypassValidation) ?? false
        return extensions
    }
}
