import StripeSpec

/// Builds resources from operations: a params struct per operation, typed responses, list pages and path arguments.
struct ResourceTranslator {
    /// A resource's path (namespace, then name) and its operations with where each goes.
    typealias Group = (key: [String], operations: [(ResourcePlanner.Placement, Operation)])

    var types: TypeTranslator
    let planner: ResourcePlanner

    init(types: TypeTranslator) {
        self.types = types
        self.planner = ResourcePlanner(document: types.document)
    }

    private var document: OpenAPIDocument { types.document }

    mutating func resources() -> [ResourceIR] {
        TwoCoreTranslation.translate(groups(), weight: \.operations.count, with: &self) { translator, groups in
            translator.translateInOrder(groups)
        }
    }

    /// The operations grouped by resource, resources sorted by path.
    func groups() -> [Group] {
        var grouped: [[String]: [(ResourcePlanner.Placement, Operation)]] = [:]
        var order: [[String]] = []
        for operation in document.operations {
            let placement = planner.placement(for: operation, returnsList: listElementSchema(operation) != nil)
            let key = placement.namespace + [placement.resource]
            if grouped[key] == nil { order.append(key) }
            grouped[key, default: []].append((placement, operation))
        }
        return order.sorted { $0.joined(separator: ".") < $1.joined(separator: ".") }.map { key in
            (key: key, operations: grouped[key] ?? [])
        }
    }

    /// Translates resources one after the other, claiming names in order.
    mutating func translateInOrder(_ groups: ArraySlice<Group>) -> [ResourceIR] {
        groups.map { resource($0.key, operations: $0.operations) }
    }

    private mutating func resource(_ key: [String], operations: [(ResourcePlanner.Placement, Operation)]) -> ResourceIR {
        let typeName = types.table.claimTopLevel(SwiftNames.typeName(key.joined(separator: "_")) + "API", suffix: "Resource")
        var scope = types.scope(for: typeName)
        var methodNames = NameScope(reserved: ["client", "init"])
        var result: [OperationIR] = []
        for (placement, operation) in operations {
            var method = placement.method
            if methodNames.contains(method) {
                method = SwiftNames.memberName(operation.operationID)
            }
            method = methodNames.claim(method, suffix: "Operation")
            result.append(translate(operation, method: method, scope: &scope))
        }
        return ResourceIR(namespace: Array(key.dropLast()), name: key.last ?? "root", typeName: typeName,
                          operations: result, nested: scope.nested)
    }

    /// The list element schema when the operation answers with a list page.
    private func listElementSchema(_ operation: Operation) -> Schema? {
        guard let schema = operation.successSchema, let object = document.resolve(schema)?.object,
              let objectProperty = object.property("object"),
              document.resolve(objectProperty.schema)?.enumValues == ["list"],
              object.property("has_more") != nil,
              let data = object.property("data"), case .array(let items)? = document.resolve(data.schema)?.kind
        else { return nil }
        return items
    }

    private mutating func translate(_ operation: Operation, method: String, scope: inout TypeTranslator.Scope) -> OperationIR {
        // Response.
        var response = TypeRef.json
        var listElement: TypeRef?
        var canAutoPage = false
        if let element = listElementSchema(operation) {
            let (type, _) = types.map(element, hint: method + "_item", scope: &scope, isParams: false)
            listElement = type
            response = .named("\(RuntimeNames.listPage)<\(type.swift)>")
            if case .named(let name) = type, let component = componentName(forSwiftName: name) {
                canAutoPage = types.table.isIdentifiable(component)
            }
        } else if let schema = operation.successSchema {
            response = types.map(schema, hint: method + "_response", scope: &scope, isParams: false).0
        }

        // Params: query parameters, then the form body's fields.
        var properties: [Property] = []
        var required: Set<String> = []
        for parameter in operation.parameters where parameter.location == .query {
            properties.append(Property(name: parameter.name, schema: parameter.schema))
            if parameter.required { required.insert(parameter.name) }
        }
        if let body = operation.requestBody, let object = document.resolve(body.schema)?.object {
            for property in object.properties where !properties.contains(where: { $0.name == property.name }) {
                properties.append(property)
            }
            required.formUnion(object.required)
        }
        let paramsName = types.claim(SwiftNames.typeName(method) + "Params", suffix: "Value", in: &scope)
        var params = types.structure(
            paramsName, qualified: "\(scope.qualifiedName).\(paramsName)",
            object: ObjectSchema(properties: properties, required: required, additionalProperties: .forbidden),
            isParams: true, documentation: ["The parameters of `\(method)`."])
        typeExpand(&params, response: response, isList: listElement != nil)

        // Path arguments.
        var labels = NameScope(reserved: ["params", "options"])
        var arguments: [(name: String, label: String)] = []
        var template = ""
        for segment in planner.segments(of: operation.path) {
            switch segment {
            case .literal(let text): template += "/" + text
            case .placeholder(let name):
                let label = SwiftNames.escaped(labels.claim(SwiftNames.memberName(name), suffix: "ID"))
                arguments.append((name, label))
                template += "/\\(\(RuntimeNames.client).pathSegment(\(SwiftNames.bare(label))))"
            }
        }
        return OperationIR(
            methodName: method, httpMethod: operation.method.rawValue, pathTemplate: template, pathArguments: arguments,
            params: params, paramsAreOptional: required.isEmpty, response: response, listElement: listElement,
            canAutoPage: canAutoPage, operationID: operation.operationID, specPath: operation.path,
            deprecated: operation.deprecated, description: operation.description)
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
