import StripeSpec

/// Maps schemas to Swift types: components become top-level types, inline objects and enums become nested types.
struct TypeTranslator {
    /// The type being built, which collects the nested types its properties need.
    struct Scope {
        var qualifiedName: String
        /// Names taken in this scope; the top-level names taken before it opened are taken too (see `claim`).
        var names: NameScope
        /// `ComponentTable.topLevelMark` when the scope opened.
        var topLevelMark: Int
        var nested: [TypeDeclIR] = []
    }

    var table: ComponentTable
    /// Unions of components, shared at the top level and named by their members.
    private(set) var unions: [String: UnionIR] = [:]
    private var unionNames: [[String]: String] = [:]
    /// Nested names and unions created since the log was last emptied; top-level claims are in `table.claims`.
    var log = ClaimLog()

    init(table: ComponentTable) {
        self.table = table
    }

    var document: OpenAPIDocument { table.document }

    /// A scope for the nested types of `qualifiedName`; nested names avoid every top-level name.
    /// The top-level names are checked in the shared table (those taken before the scope opened), not copied.
    func scope(for qualifiedName: String) -> Scope {
        Scope(qualifiedName: qualifiedName, names: Self.nestedTypeNames, topLevelMark: table.topLevelMark)
    }

    /// The names a new nested scope starts with, built once (hashing the reserved names per scope showed up).
    private static let nestedTypeNames = NameScope(reserved: ["CodingKeys", RuntimeNames.expandableField])

    /// A name unique in `scope`: `NameScope.claim` that also avoids the top-level names the scope started with.
    mutating func claim(_ base: String, suffix: String, in scope: inout Scope) -> String {
        let mark = scope.topLevelMark
        let name = scope.names.claim(base, suffix: suffix) { table.wasTopLevel($0, before: mark) }
        log.nested.append(name)
        return name
    }

    /// The union named for `members` so far, if any.
    func unionName(of members: [String]) -> String? { unionNames[members] }

    /// Adds a union created by a translation run from an earlier state, whose name has been checked.
    mutating func adoptUnion(_ decl: UnionIR, members: [String]) {
        unions[decl.name] = decl
        if unionNames[members] == nil { unionNames[members] = decl.name }
    }

    /// The log with every top-level claim in it, emptied.
    mutating func takeLog() -> ClaimLog {
        var result = log
        result.topLevel = table.claims
        log = ClaimLog()
        table.claims = []
        return result
    }

    /// The declarations for every component that gets a type.
    mutating func componentDeclarations() -> [TypeDeclIR] {
        // Union components first: they keep their component's name (which references to them use), and inline
        // unions of the same members share that type.
        for name in document.schemaNames.sorted() where table.shapes[name] == .union {
            guard let swiftName = table.typeNames[name], let schema = document.schemas[name] else { continue }
            _ = union(of: componentMembers(schema), context: swiftName, declaredName: swiftName)
            unions[swiftName]?.documentation += ["", "- Remark: Generated from `#/components/schemas/\(name)`."]
        }
        let names = document.schemaNames.sorted()
        let weight: (String) -> Int = { [document] in document.schemas[$0]?.object?.properties.count ?? 1 }
        return TwoCoreTranslation.translate(names, weight: weight, with: &self) { translator, names in
            names.compactMap { translator.declaration(ofComponent: $0) }
        }
    }

    /// The struct or enum a component becomes, if any (union components are declared first, apart).
    private mutating func declaration(ofComponent name: String) -> TypeDeclIR? {
        guard let swiftName = table.typeNames[name], let schema = document.schemas[name] else { return nil }
        let remark = "- Remark: Generated from `#/components/schemas/\(name)`."
        switch table.shapes[name] {
        case .structure?:
            guard let object = schema.object else { return nil }
            var decl = structure(swiftName, qualified: swiftName, object: object, isParams: false,
                                 documentation: Documentation.lines(schema.description, fallback: "The `\(name)` object.") + ["", remark])
            decl.expandableFields = schema.extensions.expandableFields ?? []
            return .structure(decl)
        case .enumeration?:
            return .enumeration(enumeration(swiftName, values: schema.enumValues ?? [],
                                            documentation: Documentation.lines(schema.description, fallback: "The values of `\(name)`.") + ["", remark]))
        case .union?, nil:
            return nil
        }
    }

    /// The shared union declarations created so far, sorted by name.
    var unionDeclarations: [TypeDeclIR] {
        unions.keys.sorted().compactMap { unions[$0].map(TypeDeclIR.union) }
    }

    /// Builds a struct for an object schema.
    mutating func structure(_ name: String, qualified: String, object: ObjectSchema, isParams: Bool,
                            documentation: [String]) -> StructIR {
        var scope = scope(for: qualified)
        _ = claim(name, suffix: "Value", in: &scope)
        var memberNames = NameScope(reserved: [])
        var properties: [PropertyIR] = []
        for property in object.properties {
            let (type, nullable) = map(property.schema, hint: property.name, scope: &scope, isParams: isParams)
            let swiftName = SwiftNames.escaped(memberNames.claim(SwiftNames.memberName(property.name), suffix: "Value"))
            let required = object.required.contains(property.name)
            let length = maxLength(property.schema)
            let description = property.schema.description ?? document.resolve(property.schema)?.description
            let facts = DocComment.FieldFacts(name: property.name, required: required,
                                              nullable: property.schema.nullable, maxLength: length, type: type)
            let documentation: DocComment
            if let description, Documentation.surelyHasWords(description) {
                documentation = .description(description)
            } else if description?.isEmpty ?? true {
                documentation = .undocumented(facts)
            } else {
                documentation = .lines(Documentation.lines(description, fallback: facts.line))
            }
            properties.append(PropertyIR(
                jsonName: property.name, swiftName: swiftName, type: type, optional: !required || nullable,
                documentation: documentation, maxLength: length))
        }
        let identifiable = properties.contains { $0.jsonName == "id" && $0.type == .string && !$0.optional }
        return StructIR(name: name, documentation: documentation, properties: properties, nested: scope.nested,
                        isParams: isParams, isIdentifiable: identifiable, expandableFields: [])
    }

    private func maxLength(_ schema: Schema) -> Int? {
        if let length = schema.maxLength { return length }
        if case .anyOf(let members) = schema.kind { return members.compactMap(\.maxLength).max() }
        return nil
    }

    func enumeration(_ name: String, values: [String], documentation: [String]) -> EnumIR {
        EnumIR(name: name, documentation: documentation, values: values)
    }

    /// The Swift type for `schema`, and whether the schema itself allows null.
    mutating func map(_ schema: Schema, hint: String, scope: inout Scope, isParams: Bool) -> (TypeRef, Bool) {
        let nullable = schema.nullable
        switch schema.kind {
        case .reference(let name):
            if let swiftName = table.typeNames[name] {
                return (.named(swiftName), nullable)
            }
            guard let target = document.resolve(schema) else { return (.json, true) }
            let (type, targetNullable) = map(target, hint: hint, scope: &scope, isParams: isParams)
            return (type, nullable || targetNullable)
        case .string:
            if schema.format == "decimal" { return (.decimal, nullable) }
            let values = (schema.enumValues ?? []).filter { !$0.isEmpty }
            if values.count >= 2 || (isParams && values.count == 1) {
                let base = hint == "type" ? "Kind" : SwiftNames.typeName(hint)
                let name = claim(base, suffix: "Value", in: &scope)
                scope.nested.append(.enumeration(enumeration(name, values: values,
                                                             documentation: ["The values `\(hint)` takes."])))
                return (.named("\(scope.qualifiedName).\(name)"), nullable)
            }
            return (.string, nullable)
        case .integer:
            return (schema.format == "unix-time" ? .date : .int, nullable)
        case .number:
            return (.double, nullable)
        case .boolean:
            return (.bool, nullable)
        case .array(let items):
            let (element, _) = map(items, hint: SwiftNames.singular(hint), scope: &scope, isParams: isParams)
            return (.array(element), nullable)
        case .object(let object):
            if object.properties.isEmpty {
                if case .schema(let values) = object.additionalProperties {
                    let (value, _) = map(values, hint: hint + "_value", scope: &scope, isParams: isParams)
                    return (.map(value), nullable)
                }
                return (.map(.json), nullable)
            }
            let name = claim(SwiftNames.typeName(hint), suffix: isParams ? "Params" : "Details", in: &scope)
            let qualified = "\(scope.qualifiedName).\(name)"
            let decl = structure(name, qualified: qualified, object: object, isParams: isParams,
                                 documentation: Documentation.lines(schema.description, fallback: "The `\(hint)` object."))
            scope.nested.append(.structure(decl))
            return (.named(qualified), nullable)
        case .any:
            return (.json, true)
        case .allOf(let members):
            if members.count == 1 { return map(members[0], hint: hint, scope: &scope, isParams: isParams) }
            return (.json, nullable)
        case .anyOf(let members), .oneOf(let members):
            return mapAlternatives(members, schema: schema, hint: hint, scope: &scope, isParams: isParams)
        }
    }

    private mutating func mapAlternatives(_ members: [Schema], schema: Schema, hint: String, scope: inout Scope,
                                          isParams: Bool) -> (TypeRef, Bool) {
        var nullable = schema.nullable
        let unset = members.filter { $0.enumValues == [""] }
        let rest = members.filter { $0.enumValues != [""] }
        if !unset.isEmpty {
            guard !rest.isEmpty else { return (.string, nullable) }
            let inner = rest.count == 1 ? rest[0] : Schema(kind: .anyOf(rest), location: schema.location)
            let (type, _) = map(inner, hint: hint, scope: &scope, isParams: isParams)
            return (.unsettable(type), nullable)
        }
        if rest.count == 1 {
            let (type, memberNullable) = map(rest[0], hint: hint, scope: &scope, isParams: isParams)
            return (type, nullable || memberNullable)
        }
        let idMembers = rest.filter { if case .string = $0.kind, $0.enumValues == nil { return true } else { return false } }
        let references = rest.compactMap(\.referenceName)
        if idMembers.count == 1, references.count == rest.count - 1, !references.isEmpty,
           references.allSatisfy({ table.typeNames[$0] != nil && table.isIdentifiable($0) }) {
            let target = references.count == 1 ? TypeRef.named(table.typeNames[references[0]] ?? "")
                : union(of: references, context: unionContext(scope, hint: hint))
            return (.expandable(target), nullable)
        }
        if references.count == rest.count, references.allSatisfy({ table.typeNames[$0] != nil }) {
            return (union(of: references, context: unionContext(scope, hint: hint)), nullable)
        }
        // A mixed union declared inline: one case per alternative.
        let name = claim(SwiftNames.typeName(hint), suffix: "Value", in: &scope)
        let qualified = "\(scope.qualifiedName).\(name)"
        var caseNames = NameScope(reserved: [])
        var unionMembers: [UnionIR.Member] = []
        // Types the members need are siblings of the union (unions hold no nested types), so they are named and
        // qualified in the enclosing scope.
        for (index, member) in rest.enumerated() {
            let (type, memberNullable) = map(member, hint: member.title ?? "\(hint)_option\(index + 1)",
                                             scope: &scope, isParams: isParams)
            nullable = nullable || memberNullable
            let caseName = SwiftNames.escaped(caseNames.claim(caseBaseName(type, member: member), suffix: "Value"))
            unionMembers.append(UnionIR.Member(caseName: caseName, type: type, objectTag: nil, isDeleted: false,
                                               isIdentifiable: false))
        }
        var decl = UnionIR(name: name, documentation: ["One of several shapes `\(hint)` can take."],
                           members: unionMembers, isParams: isParams)
        decl.members = unionMembers
        scope.nested.append(.union(decl))
        return (.named(qualified), nullable)
    }

    private func caseBaseName(_ type: TypeRef, member: Schema) -> String {
        switch type {
        case .string: return "string"
        case .int: return "integer"
        case .double: return "number"
        case .bool: return "boolean"
        case .date: return "timestamp"
        case .decimal: return "decimal"
        case .json: return "json"
        case .array: return "list"
        case .map: return "map"
        case .named(let name): return SwiftNames.memberName(String(name.split(separator: ".").last ?? "value"))
        case .expandable: return "expandable"
        case .unsettable: return "unsettable"
        }
    }

    private func componentMembers(_ schema: Schema) -> [String] {
        switch schema.kind {
        case .anyOf(let members), .oneOf(let members): return members.compactMap(\.referenceName)
        default: return []
        }
    }

    /// Longest union name made of its members' names; longer ones are named after where they are first used,
    /// so names stay readable and file names stay under the file system's 255-byte limit.
    static let maxJoinedUnionNameLength = 64

    /// `BalanceTransaction` + `source` -> `BalanceTransactionSource`: a top-level name for a union used by a property.
    private func unionContext(_ scope: Scope, hint: String) -> String {
        scope.qualifiedName.split(separator: ".").joined() + SwiftNames.typeName(hint)
    }

    /// The shared union of component types, created on first use.
    /// `declaredName` is the already claimed name of a union component; other unions are named by their members.
    mutating func union(of components: [String], context: String, declaredName: String? = nil) -> TypeRef {
        let key = components
        if declaredName == nil, let name = unionNames[key] { return .named(name) }
        let name: String
        if let declaredName {
            name = declaredName
        } else {
            let joined = components.compactMap { table.typeNames[$0] }.joined(separator: "Or")
            name = table.claimTopLevel(joined.count <= Self.maxJoinedUnionNameLength ? joined : context, suffix: "Union")
        }
        if unionNames[key] == nil { unionNames[key] = name }
        if declaredName == nil { log.createdUnions.append(ClaimLog.CreatedUnion(members: key, name: name)) }
        var caseNames = NameScope(reserved: [])
        let members = components.map { component in
            let tag = table.tag(of: component)
            return UnionIR.Member(
                caseName: SwiftNames.escaped(caseNames.claim(SwiftNames.memberName(component), suffix: "Value")),
                type: .named(table.typeNames[component] ?? RuntimeNames.jsonValue), objectTag: tag.object,
                isDeleted: tag.deleted, isIdentifiable: table.isIdentifiable(component))
        }
        unions[name] = UnionIR(
            name: name,
            documentation: ["One of " + components.map { "`\($0)`" }.joined(separator: ", ") + ", told apart by the payload."],
            members: members, isParams: false)
        return .named(name)
    }
}
