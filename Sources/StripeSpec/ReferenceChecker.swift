/// Reports `$ref`s that name no component schema, and reference cycles with no object in between. The `$ref`s come
/// from the schema reader when it has them; otherwise every schema is walked once to find them.
struct ReferenceChecker {
    let document: OpenAPIDocument
    /// The `$ref`s of every schema in the document with their schemas' places, when already known; nil to find them
    /// by walking the schemas.
    let references: [(name: String, location: SourceLocation)]?
    var diagnostics = Diagnostics()

    init(document: OpenAPIDocument, references: [(name: String, location: SourceLocation)]? = nil) {
        self.document = document
        self.references = references
    }

    mutating func check() {
        if let references {
            for reference in references where document.schemas[reference.name] == nil {
                diagnostics.error("$ref to unknown schema '\(reference.name)'", at: reference.location)
            }
            for name in document.schemaNames {
                if let schema = document.schemas[name], schema.referenceName != nil, document.resolve(schema) == nil {
                    diagnostics.error("schema '\(name)' is a chain of references that never reaches a schema",
                                      at: schema.location)
                }
            }
            return
        }
        for name in document.schemaNames {
            if let schema = document.schemas[name] { visit(schema) }
            if let schema = document.schemas[name], document.resolve(schema) == nil, schema.referenceName != nil {
                diagnostics.error("schema '\(name)' is a chain of references that never reaches a schema",
                                  at: schema.location)
            }
        }
        // By index, field by field: copying whole operations and parameters would retain every string they hold.
        for pathIndex in document.paths.indices {
            let operations = document.paths[pathIndex].operations
            for index in operations.indices {
                let parameters = operations[index].parameters
                for parameterIndex in parameters.indices { visit(parameters[parameterIndex].schema) }
                if let schema = operations[index].requestBody?.schema { visit(schema) }
                let responses = operations[index].responses
                for responseIndex in responses.indices {
                    if let schema = responses[responseIndex].schema { visit(schema) }
                }
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
                let properties = object.properties
                for index in properties.indices { stack.append(properties[index].schema) }
                if case .schema(let values) = object.additionalProperties { stack.append(values) }
            case .anyOf(let members), .oneOf(let members), .allOf(let members): stack.append(contentsOf: members)
            case .reference, .string, .integer, .number, .boolean, .any: break
            }
            if let resources = next.extensions.expansionResources { stack.append(contentsOf: resources) }
        }
    }
}
