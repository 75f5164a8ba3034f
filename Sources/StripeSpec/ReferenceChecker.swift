/// Walks every schema once and reports `$ref`s that name no component schema, and reference cycles with no object in between.
struct ReferenceChecker {
    let document: OpenAPIDocument
    var diagnostics = Diagnostics()

    init(document: OpenAPIDocument) {
        self.document = document
    }

    mutating func check() {
        for name in document.schemaNames {
            if let schema = document.schemas[name] { visit(schema) }
            if let schema = document.schemas[name], document.resolve(schema) == nil, schema.referenceName != nil {
                diagnostics.error("schema '\(name)' is a chain of references that never reaches a schema",
                                  at: schema.location)
            }
        }
        for operation in document.operations {
            for parameter in operation.parameters { visit(parameter.schema) }
            if let body = operation.requestBody { visit(body.schema) }
            for response in operation.responses {
                if let schema = response.schema { visit(schema) }
            }
        }
    }

    /// Visits a schema tree without following references, so recursive schemas end.
    private mutating func visit(_ schema: Schema) {
        var stack = [schema]
        while let next = stack.popLast() {
            if case .reference(let name) = next.kind, document.schemas[name] == nil {
                diagnostics.error("$ref to unknown schema '\(name)'", at: next.location)
            }
            // The same schemas as `children`, pushed without building an array for each schema.
            switch next.kind {
            case .array(let items): stack.append(items)
            case .object(let object):
                for property in object.properties { stack.append(property.schema) }
                if case .schema(let values) = object.additionalProperties { stack.append(values) }
            case .anyOf(let members), .oneOf(let members), .allOf(let members): stack.append(contentsOf: members)
            case .reference, .string, .integer, .number, .boolean, .any: break
            }
            if let resources = next.extensions.expansionResources { stack.append(contentsOf: resources) }
        }
    }
}
