/// A whole spec: API version, operations in path order, and the named component schemas.
public struct OpenAPIDocument: Sendable {
    /// The file the spec was read from.
    public var sourcePath: String
    /// `openapi`, e.g. `3.0.0`.
    public var openAPIVersion: String
    /// `info.version`: Stripe's API version, e.g. `2023-08-16`.
    public var apiVersion: String
    /// `info.title`, the API's name.
    public var title: String
    /// `servers[*].url`.
    public var servers: [String]
    /// Paths in spec order; each path's operations in spec order.
    public var paths: [PathItem]
    /// Component schema names in spec order.
    public var schemaNames: [String]
    /// Component schemas by name.
    public var schemas: [String: Schema]

    /// Creates a document from its parts; ``SpecLoader`` builds one from a spec file.
    public init(sourcePath: String, openAPIVersion: String, apiVersion: String, title: String, servers: [String],
                paths: [PathItem], schemaNames: [String], schemas: [String: Schema]) {
        self.sourcePath = sourcePath
        self.openAPIVersion = openAPIVersion
        self.apiVersion = apiVersion
        self.title = title
        self.servers = servers
        self.paths = paths
        self.schemaNames = schemaNames
        self.schemas = schemas
    }

    /// Every operation, in path order.
    public var operations: [Operation] { paths.flatMap(\.operations) }

    /// The component schema with this name.
    public func schema(named name: String) -> Schema? { schemas[name] }

    /// Follows `$ref`s until a schema that is not a reference; nil for a dangling or circular chain.
    public func resolve(_ schema: Schema) -> Schema? {
        var current = schema
        var seen: Set<String> = []
        while case .reference(let name) = current.kind {
            guard seen.insert(name).inserted, let target = schemas[name] else { return nil }
            current = target
        }
        return current
    }
}

/// One path and its operations.
public struct PathItem: Sendable {
    /// The path as written in the spec, placeholders included (`/v1/checkout/sessions/{session}`).
    public var path: String
    /// The path's operations, in spec order.
    public var operations: [Operation]
    /// Where the path starts in the spec.
    public var location: SourceLocation

    /// Creates a path item for `path` with its `operations`, found at `location`.
    public init(path: String, operations: [Operation], location: SourceLocation) {
        self.path = path
        self.operations = operations
        self.location = location
    }
}
