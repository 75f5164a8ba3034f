import ParallelWork
import StripeSpec

/// Decides every Swift name of the module in one deterministic walk over the spec, before translation: component
/// types, shared unions, resources and their methods, the nested types each component and resource needs, and the
/// names inside each declaration (properties, cases, path argument labels, event cases).
///
/// A string enum is declared once per field and value list, in the first scope of the walk that has it; every later
/// field with that name and those values uses it.
///
/// The walk visits the spec in the order names are decided: components (hand-picked names first), union
/// components, component structs, then resources. A nested name avoids the top-level names taken before its scope
/// opened, so references from inside it are never shadowed.
struct NamingStage {
    /// A type whose nested names are being decided.
    private struct Scope {
        var qualifiedName: String
        var names = NameScope(reserved: NameTable.nestedReserved)
        /// `TopLevelNames.mark` when the scope opened.
        var topLevelMark: Int
    }

    private let document: OpenAPIDocument
    /// The component names in the order the walk visits them, sorted once.
    private let schemaNames: [String]
    private var table = NameTable()
    private var topLevel: TopLevelNames
    private var unit: NameTable.Unit = .component("")
    private var claims: [NameTable.Claim] = []
    /// The member names the current unit asks for, in walk order.
    private var requests: [MemberRequest] = []
    /// The declarations whose member names are still to be decided, by unit, in walk order.
    private var memberRequests: [(unit: NameTable.Unit, requests: [MemberRequest])] = []

    /// A declaration's members to name: what they are named from and by which rule. Names inside one declaration
    /// depend on it alone, so they are decided after the walk, in a parallel map.
    private struct MemberRequest: Sendable {
        enum Rule: Sendable {
            case properties, unionCases, unionCaseBases, pathLabels, eventCases, expandableFields, enumCases
        }

        var key: NameTable.MemberKey
        var rule: Rule
        var bases: [String]

        func claims() -> [NameTable.Claim] {
            var names: MemberNames
            switch rule {
            case .enumCases: return EnumCaseNames.claims(for: bases)
            case .unionCaseBases:
                names = MemberNames.unionCases()
                return names.claims(forBases: bases)
            case .properties: names = MemberNames.properties()
            case .unionCases: names = MemberNames.unionCases()
            case .pathLabels: names = MemberNames.pathLabels()
            case .eventCases: names = MemberNames.eventCases()
            case .expandableFields: names = MemberNames.expandableFields()
            }
            return names.claims(forWireNames: bases)
        }
    }

    /// The names for `document`, whose operations `groups` places in resources (by default as
    /// ``ResourcePlanner`` does); `typeNames` are names chosen by hand for some components, which win.
    static func names(for document: OpenAPIDocument, typeNames: [String: String] = [:],
                      groups: [ResourcePlanner.Group]? = nil) -> NameTable {
        var stage = NamingStage(document: document)
        stage.nameComponents(overrides: typeNames)
        stage.nameComponentUnions()
        for name in stage.schemaNames where stage.table.shapes[name] == .structure {
            stage.nameNestedTypes(ofComponent: name)
        }
        for group in groups ?? ResourcePlanner(document: document).groups(in: document) {
            stage.nameResource(group)
        }
        stage.nameDeclarationMembers()
        let units = stage.memberRequests
        let names = ParallelMap.map(units.map(\.requests)) { requests in
            var names: [NameTable.MemberKey: [NameTable.Claim]] = [:]
            names.reserveCapacity(requests.count)
            // An enum's cases depend on its values alone, and the same list often recurs in one unit.
            for request in requests where request.rule != .enumCases || names[request.key] == nil {
                names[request.key] = request.claims()
            }
            return names
        }
        stage.table.memberNames.reserveCapacity(units.count)
        for (unit, names) in zip(units, names) { stage.table.memberNames[unit.unit] = names }
        return stage.table
    }

    private init(document: OpenAPIDocument) {
        self.document = document
        schemaNames = document.schemaNames.sorted()
        topLevel = TopLevelNames(capacity: document.schemaNames.count)
    }

    private mutating func nameComponents(overrides: [String: String]) {
        let named = overrides.isEmpty ? [] : schemaNames.filter { overrides[$0] != nil }
        for name in named + schemaNames where table.typeNames[name] == nil {
            guard let schema = document.schemas[name], let shape = ComponentShape.of(schema) else { continue }
            let swiftName = topLevel.claim(overrides[name] ?? SwiftNames.typeName(name), suffix: "Object")
            table.typeNames[name] = swiftName
            table.componentNames[swiftName] = name
            table.shapes[name] = shape
        }
    }

    /// Union components keep their component's name; inline unions of the same members share that type.
    private mutating func nameComponentUnions() {
        for name in schemaNames where table.shapes[name] == .union {
            guard let swiftName = table.typeNames[name], let schema = document.schemas[name] else { continue }
            let members: [String]
            switch schema.kind {
            case .anyOf(let list), .oneOf(let list): members = list.compactMap(\.referenceName)
            default: members = []
            }
            if table.unionNames[members] == nil { table.unionNames[members] = swiftName }
            table.unions.append(NameTable.SharedUnion(name: swiftName, members: members, component: name))
        }
    }

    /// Component enums' cases, shared unions' cases and the webhook event cases, once every type is named.
    private mutating func nameDeclarationMembers() {
        for name in schemaNames where table.shapes[name] == .enumeration {
            begin(.component(name))
            nameEnumCases(document.schemas[name]?.enumValues ?? [])
            end()
        }
        begin(.module)
        for union in table.unions {
            record(.unionCases(union.name), .unionCases, union.members)
        }
        let events = EventTranslator.carriedObjects(in: document, typeNames: table.typeNames).map(\.eventType)
        record(.eventCases, .eventCases, events)
        end()
    }

    private mutating func nameEnumCases(_ values: [String]) {
        record(.enumCases(values), .enumCases, values)
    }

    private mutating func record(_ key: NameTable.MemberKey, _ rule: MemberRequest.Rule, _ bases: [String]) {
        if !bases.isEmpty { requests.append(MemberRequest(key: key, rule: rule, bases: bases)) }
    }

    private mutating func nameNestedTypes(ofComponent name: String) {
        guard let swiftName = table.typeNames[name], let schema = document.schemas[name], let object = schema.object
        else { return }
        begin(.component(name))
        record(.expandableFields(swiftName), .expandableFields, schema.extensions.expandableFields ?? [])
        structure(swiftName, qualified: swiftName, object: object, isParams: false)
        end()
    }

    private mutating func nameResource(_ group: ResourcePlanner.Group) {
        let typeName = topLevel.claim(SwiftNames.typeName(group.key.joined(separator: "_")) + "API", suffix: "Resource")
        let methods = ResourcePlanner.methodNames(of: group)
        table.resources[group.key] = NameTable.Resource(typeName: typeName, methods: methods)
        begin(.resource(group.key))
        var scope = Scope(qualifiedName: typeName, topLevelMark: topLevel.mark)
        for ((_, operation), method) in zip(group.operations, methods) {
            if let element = ResourcePlanner.listElementSchema(of: operation, in: document) {
                map(element, hint: NestedTypeRules.listItemHint(method: method), scope: &scope, isParams: false)
            } else if let schema = operation.successSchema {
                map(schema, hint: NestedTypeRules.responseHint(method: method), scope: &scope, isParams: false)
            }
            let (paramsBase, paramsSuffix) = NestedTypeRules.paramsBase(method: method)
            let paramsName = claim(paramsBase, suffix: paramsSuffix, in: &scope)
            structure(paramsName, qualified: "\(typeName).\(paramsName)",
                      object: ResourcePlanner.paramsObject(of: operation, in: document), isParams: true)
            let placeholders = ResourcePlanner.placeholders(in: PathTemplate(operation.path).segments)
            record(.pathLabels("\(typeName).\(method)"), .pathLabels, placeholders)
        }
        end()
    }

    private mutating func begin(_ unit: NameTable.Unit) {
        self.unit = unit
        claims = []
        requests = []
    }

    private mutating func end() {
        if !claims.isEmpty { table.nestedNames[unit] = claims }
        if !requests.isEmpty { memberRequests.append((unit, requests)) }
    }

    /// A nested name unique in `scope` that avoids the top-level names taken before the scope opened. A params
    /// type (given its place in the spec) whose name is not its base is recorded as an exception.
    private mutating func claim(_ base: String, suffix: String, in scope: inout Scope,
                                paramsAt location: SourceLocation? = nil) -> String {
        let mark = scope.topLevelMark
        let topLevel = self.topLevel
        let name = scope.names.claim(base, suffix: suffix) { topLevel.wasTaken($0, before: mark) }
        claims.append(NameTable.Claim(base: base, suffix: suffix, name: name))
        if let location, name != base {
            table.paramsExceptions.append(NameTable.ParamsNameException(
                qualifiedName: "\(scope.qualifiedName).\(name)", base: base, location: location))
        }
        return name
    }

    /// The enum for `values` under the field `hint`: declared here, nested in `scope`, the first time the walk meets
    /// this field with these values; every later occurrence uses that declaration. Returns its own (unqualified) name.
    private mutating func sharedEnum(_ values: [String], hint: String, schema: Schema, scope: inout Scope,
                                     isParams: Bool) -> String {
        let key = NestedTypeRules.enumKey(hint: hint, values: values)
        if let shared = table.enums[key] { return shared.ownName }
        let (base, suffix) = NestedTypeRules.enumBase(hint: hint, isParams: isParams)
        let name = claim(base, suffix: suffix, in: &scope, paramsAt: isParams ? schema.location : nil)
        table.enums[key] = NameTable.SharedNestedType(name: "\(scope.qualifiedName).\(name)", holder: scope.qualifiedName)
        nameEnumCases(values)
        return name
    }

    /// A struct's own name is taken in its scope first, so no nested type shadows it.
    private mutating func structure(_ name: String, qualified: String, object: ObjectSchema, isParams: Bool) {
        var scope = Scope(qualifiedName: qualified, topLevelMark: topLevel.mark)
        _ = claim(name, suffix: NestedTypeRules.ownNameSuffix, in: &scope)
        for property in object.properties {
            map(property.schema, hint: property.name, scope: &scope, isParams: isParams)
        }
        record(.properties(qualified), .properties, object.properties.map(\.name))
    }

    /// The names the Swift type of `schema` needs, by the rules `TypeTranslator.map` applies; returns the base a
    /// mixed union's case holding that type is named from (as `TypeTranslator` derives it from the type).
    @discardableResult
    private mutating func map(_ schema: Schema, hint: String, scope: inout Scope, isParams: Bool) -> String {
        switch schema.kind {
        case .reference(let name):
            if let swiftName = table.typeNames[name] { return SwiftNames.memberName(swiftName) }
            guard let target = document.resolve(schema) else { return "json" }
            return map(target, hint: hint, scope: &scope, isParams: isParams)
        case .string:
            guard schema.format != "decimal" else { return "decimal" }
            if let values = NestedTypeRules.enumValues(of: schema, isParams: isParams) {
                let name = sharedEnum(values, hint: hint, schema: schema, scope: &scope, isParams: isParams)
                return SwiftNames.memberName(name)
            }
            return "string"
        case .array(let items):
            map(items, hint: NestedTypeRules.itemHint(hint), scope: &scope, isParams: isParams)
            return "list"
        case .object(let object):
            if object.properties.isEmpty {
                if case .schema(let values) = object.additionalProperties {
                    map(values, hint: NestedTypeRules.mapValueHint(hint, isParams: isParams), scope: &scope,
                        isParams: isParams)
                }
                return "map"
            }
            let key = NestedTypeRules.objectKey(hint: hint, schema: schema, isParams: isParams)
            if let key { table.objectKeys[ObjectIdentifier(schema)] = key }
            if let key, let shared = table.objects[key] {
                return SwiftNames.memberName(shared.ownName)
            }
            let (base, suffix) = NestedTypeRules.objectBase(hint: hint, isParams: isParams)
            let name = claim(base, suffix: suffix, in: &scope, paramsAt: isParams ? schema.location : nil)
            let qualified = "\(scope.qualifiedName).\(name)"
            if let key { table.objects[key] = NameTable.SharedNestedType(name: qualified, holder: scope.qualifiedName) }
            structure(name, qualified: qualified, object: object, isParams: isParams)
            return SwiftNames.memberName(name)
        case .allOf(let members):
            if members.count == 1 { return map(members[0], hint: hint, scope: &scope, isParams: isParams) }
            return "json"
        case .anyOf(let members), .oneOf(let members):
            return mapAlternatives(members, schema: schema, hint: hint, scope: &scope, isParams: isParams)
        case .integer:
            return schema.format == "unix-time" ? "timestamp" : "integer"
        case .number:
            return "number"
        case .boolean:
            return "boolean"
        case .any:
            return "json"
        }
    }

    private mutating func mapAlternatives(_ members: [Schema], schema: Schema, hint: String, scope: inout Scope,
                                          isParams: Bool) -> String {
        let rest = members.filter { $0.enumValues != [""] }
        if rest.count < members.count {
            guard !rest.isEmpty else { return "string" }
            let inner = rest.count == 1 ? rest[0] : Schema(kind: .anyOf(rest), location: schema.location)
            map(inner, hint: hint, scope: &scope, isParams: isParams)
            return "unsettable"
        }
        if rest.count == 1 {
            return map(rest[0], hint: hint, scope: &scope, isParams: isParams)
        }
        let context = NestedTypeRules.unionContext(qualifiedName: scope.qualifiedName, hint: hint)
        switch AlternativesShape.of(rest, typeNames: table.typeNames, document: document) {
        case .expandable(let references):
            if references.count > 1 { union(of: references, context: context) }
            return "expandable"
        case .union(let references):
            union(of: references, context: context)
            return table.unionNames[references].map(SwiftNames.memberName) ?? "json"
        case .mixed:
            let (base, suffix) = NestedTypeRules.mixedUnionBase(hint: hint, isParams: isParams)
            let name = claim(base, suffix: suffix, in: &scope, paramsAt: isParams ? schema.location : nil)
            var caseBases: [String] = []
            for (index, member) in rest.enumerated() {
                let memberHint = NestedTypeRules.alternativeHint(member, hint: hint, index: index)
                caseBases.append(map(member, hint: memberHint, scope: &scope, isParams: isParams))
            }
            record(.unionCases("\(scope.qualifiedName).\(name)"), .unionCaseBases, caseBases)
            return SwiftNames.memberName(name)
        }
    }

    /// Names the union of `components` the first time it is used: its members' names joined, or `context`.
    private mutating func union(of components: [String], context: String) {
        guard table.unionNames[components] == nil else { return }
        let joined = components.compactMap { table.typeNames[$0] }.joined(separator: "Or")
        let base = joined.count <= NameTable.maxJoinedUnionNameLength ? joined : context
        let name = topLevel.claim(base, suffix: "Union")
        table.unionNames[components] = name
        table.unions.append(NameTable.SharedUnion(name: name, members: components, component: nil))
    }
}
