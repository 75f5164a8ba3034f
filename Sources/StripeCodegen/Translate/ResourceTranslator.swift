import StripeSpec

/// Builds one resource from its operations: a params struct per operation, typed responses, list pages and path
/// arguments. Its type, method and nested names come from the ``NameTable``.
struct ResourceTranslator {
    private var types: TypeTranslator
    private let planner: ResourcePlanner

    private var document: OpenAPIDocument { types.document }

    /// The resource for `group`, and the names it asked for that the table does not hold (none when naming and
    /// translation agree).
    static func resource(_ group: ResourcePlanner.Group, planner: ResourcePlanner,
                         table: ComponentTable) -> (ResourceIR, unnamed: [String]) {
        let types = TypeTranslator(table: table, unit: .resource(group.key))
        var translator = ResourceTranslator(types: types, planner: planner)
        let resource = translator.resource(group, names: table.names.resources[group.key])
        var unnamed = translator.types.unnamed
        if table.names.resources[group.key] == nil { unnamed.append("resource \(group.key.joined(separator: "."))") }
        return (resource, unnamed)
    }

    private mutating func resource(_ group: ResourcePlanner.Group, names: NameTable.Resource?) -> ResourceIR {
        let typeName = names?.typeName ?? SwiftNames.typeName(group.key.joined(separator: "_")) + "API"
        let methods = names?.methods ?? ResourcePlanner.methodNames(of: group)
        var scope = types.scope(for: typeName)
        var result: [OperationIR] = []
        for ((_, operation), method) in zip(group.operations, methods) {
            result.append(translate(operation, method: method, scope: &scope))
        }
        return ResourceIR(namespace: Array(group.key.dropLast()), name: group.key.last ?? "root", typeName: typeName,
                          operations: result, nested: scope.nested)
    }

    private mutating func translate(_ operation: Operation, method: String,
                                    scope: inout TypeTranslator.Scope) -> OperationIR {
        // Response.
        var response = TypeRef.json
        var listElement: TypeRef?
        var listCursor = ListCursor.none
        if let element = ResourcePlanner.listElementSchema(of: operation, in: document) {
            let (type, _) = types.map(element, hint: NestedTypeRules.listItemHint(method: method), scope: &scope, isParams: false)
            listElement = type
            response = .named("\(RuntimeNames.listPage)<\(type.swift)>")
            listCursor = cursor(of: element, type: type)
        } else if let schema = operation.successSchema {
            response = types.map(schema, hint: NestedTypeRules.responseHint(method: method), scope: &scope, isParams: false).0
        } else if operation.method == .head {
            response = .named(RuntimeNames.httpHeaders)
        }

        // Params: query parameters, then the form body's fields.
        let paramsObject = ResourcePlanner.paramsObject(of: operation, in: document)
        let (paramsBase, paramsSuffix) = NestedTypeRules.paramsBase(method: method)
        let paramsName = types.claim(paramsBase, suffix: paramsSuffix, in: &scope)
        var params = types.structure(
            paramsName, qualified: "\(scope.qualifiedName).\(paramsName)",
            object: paramsObject,
            isParams: true, documentation: ["The parameters of `\(method)`."])
        params.location = operation.location
        typeExpand(&params, response: response, isList: listElement != nil)

        // Path arguments.
        let segments = planner.segments(of: operation.path)
        let placeholders = ResourcePlanner.placeholders(in: segments)
        var labels = types.members(.pathLabels("\(scope.qualifiedName).\(method)"), bases: placeholders) {
            var rule = MemberNames.pathLabels()
            return rule.claims(forWireNames: placeholders)
        }.makeIterator()
        var arguments: [(name: String, label: String)] = []
        var template = ""
        for segment in segments {
            switch segment {
            case .literal(let text): template += "/" + text
            case .placeholder(let name):
                let label = labels.next() ?? name
                arguments.append((name, label))
                template += "/\\(\(RuntimeNames.client).pathSegment(\(SwiftNames.bare(label))))"
            }
        }
        return OperationIR(
            methodName: method, httpMethod: operation.method.rawValue, pathTemplate: template, pathArguments: arguments,
            params: params, paramsAreOptional: paramsObject.required.isEmpty, response: response, listElement: listElement,
            listCursor: listCursor, operationID: operation.operationID, specPath: operation.path,
            deprecated: operation.deprecated, description: operation.description, location: operation.location)
    }

    /// How a list element gives its id: a component with a required id is `StripeIdentifiable`; any other object
    /// with an `id` string (optional, as an upcoming invoice's is) is paged by the elements that have one.
    private func cursor(of element: Schema, type: TypeRef) -> ListCursor {
        if case .named(let name) = type, let component = componentName(forSwiftName: name),
           types.table.isIdentifiable(component) {
            return .identifiable
        }
        guard let id = document.resolve(element)?.object?.property("id"), let idSchema = document.resolve(id.schema),
              case .string = idSchema.kind, idSchema.enumValues == nil else { return .none }
        return .optionalID
    }

    /// `expand` becomes a list of the response type's expandable fields when the response is a single object.
    private func typeExpand(_ params: inout StructIR, response: TypeRef, isList: Bool) {
        guard !isList, case .named(let name) = response, let component = componentName(forSwiftName: name),
              let fields = document.schemas[component]?.extensions.expandableFields, !fields.isEmpty,
              let index = params.properties.firstIndex(where: { $0.jsonName == "expand" && $0.type == .array(.string) })
        else { return }
        params.properties[index].type = .array(.named("\(name).\(RuntimeNames.expandableField)"))
    }

    private func componentName(forSwiftName name: String) -> String? {
        types.table.componentName(forSwiftName: name)
    }
}
