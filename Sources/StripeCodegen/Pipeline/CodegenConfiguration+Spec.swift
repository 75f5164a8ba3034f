import StripeSpec

extension CodegenConfiguration {
    /// Settings that name things the spec does not have: patterns that match no operation, unknown schemas,
    /// one type name given twice. Errors, except `schemas` without `operations`, which only has no effect.
    public func problems(with document: OpenAPIDocument) -> [Diagnostic] {
        var diagnostics = Diagnostics()
        let operations = document.operations
        for pattern in self.operations ?? [] where !operations.contains(where: { ReachabilityFilter.matches(pattern.value, $0) }) {
            diagnostics.error("'\(pattern.value)' matches no operation in \(document.sourcePath) "
                              + "(use a path glob such as /v1/checkout/sessions/* or an operationId)", at: pattern.location)
        }
        for schema in schemas where document.schemas[schema.value] == nil {
            diagnostics.error("no component schema named '\(schema.value)'", at: schema.location)
        }
        if self.operations == nil, let first = schemas.first {
            diagnostics.warning("'schemas' has no effect without 'operations': every schema is generated", at: first.location)
        }
        var claimed: [String: String] = [:]
        for (schema, name) in typeNames {
            if document.schemas[schema.value] == nil {
                diagnostics.error("no component schema named '\(schema.value)'", at: schema.location)
            } else if let other = claimed[name.value] {
                diagnostics.error("'\(name.value)' is already the name of '\(other)'", at: name.location)
            } else {
                claimed[name.value] = schema.value
            }
        }
        return diagnostics.sorted
    }

    /// `options` with this file's settings; an access level given on the command line wins over the file's.
    public func applied(to options: GeneratorOptions, accessFromCommandLine: GeneratorOptions.Access?) -> GeneratorOptions {
        var result = options
        result.access = accessFromCommandLine ?? access ?? options.access
        result.selection = ReachabilityFilter(operations: operations?.map(\.value), schemas: schemas.map(\.value))
        result.typeNames = Dictionary(typeNames.map { ($0.schema.value, $0.name.value) }, uniquingKeysWith: { first, _ in first })
        return result
    }
}
