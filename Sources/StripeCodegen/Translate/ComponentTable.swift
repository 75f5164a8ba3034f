import StripeSpec

/// Decides which component schemas become top-level Swift types and what they are called.
struct ComponentTable {
    /// What a component becomes.
    enum Shape {
        case structure, enumeration, union
    }

    let document: OpenAPIDocument
    /// Swift type name by component name, for components that get a type.
    private(set) var typeNames: [String: String] = [:]
    private(set) var shapes: [String: Shape] = [:]
    /// Every top-level name in use; nested types must avoid them so references never get shadowed.
    private(set) var topLevel = NameScope(reserved: ComponentTable.reserved)
    /// The order each top-level name was taken in (reserved names first), so a nested scope can avoid exactly the
    /// names taken before it was opened without copying the set.
    private(set) var topLevelOrder: [String: Int] = {
        var order: [String: Int] = [:]
        for name in ComponentTable.reserved { order[name] = 0 }
        return order
    }()
    /// Component name by Swift type name: the reverse of `typeNames`.
    private var componentNames: [String: String] = [:]
    /// Top-level claims since the log was last emptied.
    var claims: [ClaimLog.TopLevelClaim] = []

    /// Names Swift, Foundation, the runtime or the generated module itself already uses at the top level.
    static let reserved: Set<String> = Set([
        "Error", "Type", "Protocol", "Self", "Any", "String", "Int", "Bool", "Double", "Float", "Date", "Decimal",
        "Data", "URL", "Array", "Dictionary", "Set", "Optional", "Result", "Codable", "Never", "Character",
        "Foundation", "CodingKeys", "Identifiable", "Hashable", "Sendable", "Encodable", "Decodable", "Equatable",
        "Comparable", "Duration", "Task",
    ] + RuntimeNames.all + [RuntimeNames.bindings, RuntimeNames.webhookEvent])

    /// `typeNames` are names chosen by hand for some components; they are claimed first, so they win.
    init(document: OpenAPIDocument, typeNames overrides: [String: String] = [:]) {
        self.document = document
        let sorted = document.schemaNames.sorted()
        typeNames.reserveCapacity(sorted.count)
        shapes.reserveCapacity(sorted.count)
        componentNames.reserveCapacity(sorted.count)
        topLevelOrder.reserveCapacity(topLevelOrder.count + sorted.count)
        let named = overrides.isEmpty ? [] : sorted.filter { overrides[$0] != nil }
        for name in named + sorted where typeNames[name] == nil {
            guard let schema = document.schemas[name], let shape = Self.shape(of: schema, in: document) else { continue }
            let swiftName = claimTopLevel(overrides[name] ?? SwiftNames.typeName(name), suffix: "Object")
            typeNames[name] = swiftName
            componentNames[swiftName] = name
            shapes[name] = shape
        }
    }

    /// Claims another top-level name (unions, resources, events).
    mutating func claimTopLevel(_ base: String, suffix: String) -> String {
        let name = topLevel.claim(base, suffix: suffix)
        topLevelOrder[name] = topLevelOrder.count
        claims.append(ClaimLog.TopLevelClaim(base: base, suffix: suffix, name: name))
        return name
    }

    /// How many top-level names are taken so far; `wasTopLevel(_:before:)` tells which were taken before a mark.
    var topLevelMark: Int { topLevelOrder.count }

    /// Whether `name` was a top-level name when `topLevelMark` was `mark`.
    func wasTopLevel(_ name: String, before mark: Int) -> Bool {
        guard let index = topLevelOrder[name] else { return false }
        return index < mark
    }

    /// Whether `name` was taken at the top level when `topLevelMark` was `mark` or later.
    func wasTopLevel(_ name: String, since mark: Int) -> Bool {
        guard let index = topLevelOrder[name] else { return false }
        return index >= mark
    }

    func isTopLevel(_ name: String) -> Bool { topLevel.contains(name) }

    /// The Swift type a component gets, if it gets one.
    static func shape(of schema: Schema, in document: OpenAPIDocument) -> Shape? {
        switch schema.kind {
        case .object(let object) where !object.properties.isEmpty: return .structure
        case .string where (schema.enumValues ?? []).filter({ !$0.isEmpty }).count >= 2: return .enumeration
        case .anyOf(let members), .oneOf(let members):
            return members.count >= 2 && members.allSatisfy({ $0.referenceName != nil }) ? .union : nil
        default: return nil
        }
    }

    /// Whether the component is an object with a required, non-null `id` string.
    func isIdentifiable(_ name: String) -> Bool {
        guard let schema = document.schemas[name], let resolved = document.resolve(schema) else { return false }
        switch resolved.kind {
        case .object(let object):
            guard object.required.contains("id"), let id = object.property("id"),
                  let idSchema = document.resolve(id.schema), case .string = idSchema.kind else { return false }
            return !idSchema.nullable
        case .anyOf(let members), .oneOf(let members):
            return members.allSatisfy { $0.referenceName.map(isIdentifiable) ?? false }
        default:
            return false
        }
    }

    /// The `object` constant and `deleted` flag that identify a component in a payload.
    func tag(of name: String) -> (object: String?, deleted: Bool) {
        guard let schema = document.schemas[name], let object = document.resolve(schema)?.object else { return (nil, false) }
        var objectTag: String?
        if let property = object.property("object"), let values = document.resolve(property.schema)?.enumValues,
           values.count == 1 {
            objectTag = values[0]
        }
        var deleted = false
        if let property = object.property("deleted"), object.required.contains("deleted"),
           document.resolve(property.schema)?.enumValues == ["true"] {
            deleted = true
        }
        return (objectTag, deleted)
    }
}

extension ComponentTable {
    /// The component behind a top-level Swift type name.
    func componentName(forSwiftName swiftName: String) -> String? {
        componentNames[swiftName]
    }
}
