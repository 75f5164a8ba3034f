import StripeSpec

/// Maps schemas to Swift types: components become top-level types, inline objects and enums become nested types.
/// Every name comes from the ``NameTable``: one translator translates one unit (a component, or a resource through
/// ``ResourceTranslator``) and asks for that unit's nested names in the order the ``NamingStage`` decided them.
struct TypeTranslator {
    /// The type being built, which collects the nested types its properties need.
    struct Scope {
        var qualifiedName: String
        var nested: [TypeDeclIR] = []
        /// The shared enums this scope holds that are declared already.
        var declaredEnums: Set<NameTable.EnumKey> = []
        /// The shared params objects this scope holds that are declared already.
        var declaredObjects: Set<NameTable.ObjectKey> = []
    }

    let table: ComponentTable
    let unit: NameTable.Unit
    /// The nested names decided for this unit, in the order translation asks for them.
    private let claims: [NameTable.Claim]
    private var used = 0
    /// Names asked for that the table does not hold under the same rule; empty whenever naming and translation
    /// agree (the full-spec tests check it).
    private(set) var unnamed: [String] = []

    init(table: ComponentTable, unit: NameTable.Unit) {
        self.table = table
        self.unit = unit
        claims = table.names.nestedNames[unit] ?? []
    }

    var document: OpenAPIDocument { table.document }

    /// A scope for the nested types of `qualifiedName`.
    func scope(for qualifiedName: String) -> Scope {
        Scope(qualifiedName: qualifiedName)
    }

    /// The next nested name of this unit, which the naming stage derived from `base` and `suffix`.
    mutating func claim(_ base: String, suffix: String, in scope: inout Scope) -> String {
        guard used < claims.count, claims[used].base == base, claims[used].suffix == suffix else {
            unnamed.append("\(scope.qualifiedName): \(base)")
            return base
        }
        used += 1
        return claims[used - 1].name
    }

    /// The names the table records inside `key`, derived from `bases`. When it lacks them, the request is recorded
    /// in `unnamed` and the names come from `rule` (the full-spec tests check that never happens).
    mutating func members(_ key: NameTable.MemberKey, bases: [String], rule: () -> [NameTable.Claim]) -> [String] {
        if bases.isEmpty { return [] }
        if let names = table.names.members(key, in: unit, bases: bases) { return names }
        unnamed.append("members of \(key)")
        return rule().map(\.name)
    }

    /// The struct or enum a component becomes, if any (union components are declared apart, as shared unions).
    static func declaration(ofComponent name: String, table: ComponentTable) -> (TypeDeclIR?, unnamed: [String]) {
        var translator = TypeTranslator(table: table, unit: .component(name))
        let decl = translator.declaration(ofComponent: name)
        return (decl, translator.unnamed)
    }

    private mutating func declaration(ofComponent name: String) -> TypeDeclIR? {
        guard let swiftName = table.typeNames[name], let schema = document.schemas[name] else { return nil }
        let remark = "- Remark: Generated from `#/components/schemas/\(name)`."
        switch table.shapes[name] {
        case .structure?:
            guard let object = schema.object else { return nil }
            var decl = structure(swiftName, qualified: swiftName, object: object, isParams: false,
                                 documentation: Documentation.lines(schema.description, fallback: "The `\(name)` object.") + ["", remark])
            let fields = schema.extensions.expandableFields ?? []
            let names = members(.expandableFields(swiftName), bases: fields) {
                var rule = MemberNames.expandableFields()
                return rule.claims(forWireNames: fields)
            }
            decl.expandableFields = zip(names, fields).map { EnumCase(name: $0, rawValue: $1) }
            decl.location = schema.location
            return .structure(decl)
        case .enumeration?:
            var decl = enumeration(swiftName, values: schema.enumValues ?? [],
                                   documentation: Documentation.lines(schema.description, fallback: "The values of `\(name)`.") + ["", remark])
            decl.location = schema.location
            return .enumeration(decl)
        case .union?, nil:
            return nil
        }
    }

    /// The declaration of a shared union: one case per component, told apart by the payload's `object` and
    /// `deleted`.
    static func declaration(of union: NameTable.SharedUnion, table: ComponentTable) -> (TypeDeclIR, unnamed: [String]) {
        var translator = TypeTranslator(table: table, unit: .module)
        let caseNames = translator.members(.unionCases(union.name), bases: union.members) {
            var rule = MemberNames.unionCases()
            return rule.claims(forWireNames: union.members)
        }
        let members = zip(union.members, caseNames).map { component, caseName in
            let tag = table.tag(of: component)
            return UnionIR.Member(
                caseName: caseName,
                type: .named(table.typeNames[component] ?? RuntimeNames.jsonValue), objectTag: tag.object,
                isDeleted: tag.deleted, isIdentifiable: table.isIdentifiable(component))
        }
        let listed = union.members.map { "`\($0)`" }.joined(separator: ", ")
        var documentation = ["One of " + listed + ", told apart by the payload."]
        if let component = union.component {
            documentation += ["", "- Remark: Generated from `#/components/schemas/\(component)`."]
        }
        return (.union(UnionIR(name: union.name, documentation: documentation, members: members, isParams: false)),
                translator.unnamed)
    }

    /// Builds a struct for an object schema.
    mutating func structure(_ name: String, qualified: String, object: ObjectSchema, isParams: Bool,
                            documentation: [String]) -> StructIR {
        var scope = scope(for: qualified)
        _ = claim(name, suffix: NestedTypeRules.ownNameSuffix, in: &scope)
        let wireNames = object.properties.map(\.name)
        let swiftNames = members(.properties(qualified), bases: wireNames) {
            var rule = MemberNames.properties()
            return rule.claims(forWireNames: wireNames)
        }
        var properties: [PropertyIR] = []
        for (property, swiftName) in zip(object.properties, swiftNames) {
            let (type, nullable) = map(property.schema, hint: property.name, scope: &scope, isParams: isParams)
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
            let tolerated = AbsentFieldRules.toleratesAbsence(of: property.name, required: required,
                                                              nullable: nullable, isParams: isParams)
            properties.append(PropertyIR(
                jsonName: property.name, swiftName: swiftName, type: type, optional: !required || nullable || tolerated,
                documentation: documentation, maxLength: length, location: property.schema.location,
                toleratesAbsence: tolerated))
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

    /// An enum whose case names the table records by its raw values.
    mutating func enumeration(_ name: String, values: [String], documentation: [String]) -> EnumIR {
        let claims: [NameTable.Claim]
        if let recorded = table.names.memberNames[unit]?[.enumCases(values)] {
            claims = recorded
        } else {
            claims = EnumCaseNames.claims(for: values)
            if !claims.isEmpty { unnamed.append("cases of \(name): \(values.prefix(3))") }
        }
        return EnumIR(name: name, documentation: documentation, values: values,
                      cases: claims.map { EnumCase(name: $0.name, rawValue: $0.base) })
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
            if let values = NestedTypeRules.enumValues(of: schema, isParams: isParams) {
                // Declared once, in the scope the naming stage chose; used everywhere else by its qualified name.
                let key = NestedTypeRules.enumKey(hint: hint, values: values)
                if let reference = Self.reference(to: table.names.enums[key], key: key, from: scope.qualifiedName,
                                                  declared: &scope.declaredEnums) {
                    return (reference, nullable)
                }
                let (base, suffix) = NestedTypeRules.enumBase(hint: hint, isParams: isParams)
                let name = claim(base, suffix: suffix, in: &scope)
                var decl = enumeration(name, values: values, documentation: ["The values `\(hint)` takes."])
                decl.location = schema.location
                scope.nested.append(.enumeration(decl))
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
            let (element, _) = map(items, hint: NestedTypeRules.itemHint(hint), scope: &scope, isParams: isParams)
            return (.array(element), nullable)
        case .object(let object):
            if object.properties.isEmpty {
                if case .schema(let values) = object.additionalProperties {
                    let (value, _) = map(values, hint: NestedTypeRules.mapValueHint(hint, isParams: isParams),
                                         scope: &scope, isParams: isParams)
                    return (.map(value), nullable)
                }
                return (.map(.json), nullable)
            }
            // A titled params object is declared once, like a shared enum.
            if let key = table.names.objectKeys[ObjectIdentifier(schema)],
               let reference = Self.reference(to: table.names.objects[key], key: key, from: scope.qualifiedName,
                                              declared: &scope.declaredObjects) {
                return (reference, nullable)
            }
            let (base, suffix) = NestedTypeRules.objectBase(hint: hint, isParams: isParams)
            let name = claim(base, suffix: suffix, in: &scope)
            let qualified = "\(scope.qualifiedName).\(name)"
            var decl = structure(name, qualified: qualified, object: object, isParams: isParams,
                                 documentation: Documentation.lines(schema.description, fallback: "The `\(hint)` object."))
            decl.location = schema.location
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

    /// The type a scope uses for a shared nested type by its qualified name: `nil` when the scope holds it and has
    /// not declared it yet (it is then marked declared, and the caller declares it).
    private static func reference<Key: Hashable>(to shared: NameTable.SharedNestedType?, key: Key, from scope: String,
                                                 declared: inout Set<Key>) -> TypeRef? {
        guard let shared else { return nil }
        if shared.holder != scope || declared.contains(key) { return .named(shared.name) }
        declared.insert(key)
        return nil
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
        switch AlternativesShape.of(rest, typeNames: table.typeNames, document: document) {
        case .expandable(let references):
            let target = references.count == 1 ? TypeRef.named(table.typeNames[references[0]] ?? "")
                : union(of: references, scope: scope)
            return (.expandable(target), nullable)
        case .union(let references):
            return (union(of: references, scope: scope), nullable)
        case .mixed:
            break
        }
        // A mixed union declared inline: one case per alternative.
        let (base, suffix) = NestedTypeRules.mixedUnionBase(hint: hint, isParams: isParams)
        let name = claim(base, suffix: suffix, in: &scope)
        let qualified = "\(scope.qualifiedName).\(name)"
        var caseBases: [String] = []
        var unionMembers: [UnionIR.Member] = []
        // Types the members need are siblings of the union (unions hold no nested types), so they are named and
        // qualified in the enclosing scope.
        for (index, member) in rest.enumerated() {
            let (type, memberNullable) = map(member, hint: NestedTypeRules.alternativeHint(member, hint: hint, index: index),
                                             scope: &scope, isParams: isParams)
            nullable = nullable || memberNullable
            caseBases.append(caseBaseName(type, member: member))
            unionMembers.append(UnionIR.Member(caseName: "", type: type, objectTag: nil, isDeleted: false,
                                               isIdentifiable: false))
        }
        let caseNames = self.members(.unionCases(qualified), bases: caseBases) {
            var rule = MemberNames.unionCases()
            return rule.claims(forBases: caseBases)
        }
        for index in unionMembers.indices { unionMembers[index].caseName = caseNames[index] }
        var decl = UnionIR(name: name, documentation: ["One of several shapes `\(hint)` can take."],
                           members: unionMembers, isParams: isParams, location: schema.location)
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

    /// The shared union of `components`, named by the naming stage where it was first used.
    private mutating func union(of components: [String], scope: Scope) -> TypeRef {
        guard let name = table.names.unionNames[components] else {
            unnamed.append("\(scope.qualifiedName): union of \(components.joined(separator: ", "))")
            return .json
        }
        return .named(name)
    }
}
