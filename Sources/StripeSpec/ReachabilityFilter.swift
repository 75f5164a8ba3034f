/// "Keep these operations and the component schemas they reach": used by `trim` on the YAML tree and by the
/// `operations:` setting of a codegen configuration on the typed document, with one pattern syntax.
public struct ReachabilityFilter: Sendable, Hashable {
    /// Path globs (starting with `/`; see ``PathGlob``), path globs after a method (`GET /v1/invoices/*`: only that
    /// method's operations), or exact operationIds; `nil` keeps every operation.
    public var operations: [String]?
    /// Component schemas kept even when no kept operation reaches them (e.g. `event`).
    public var schemas: [String]

    /// Creates a filter keeping `operations` (every one when `nil`) and the extra `schemas`.
    public init(operations: [String]? = nil, schemas: [String] = []) {
        self.operations = operations
        self.schemas = schemas
    }

    /// Whether a path glob among the patterns, with or without a method, matches `path` (all paths when there are no
    /// patterns).
    public func keeps(path: String) -> Bool {
        guard let patterns = operations else { return true }
        return patterns.contains { pattern in
            guard let glob = Self.pathPattern(pattern) else { return false }
            return PathGlob(glob.path).matches(path)
        }
    }

    /// Whether the operation `method` (lower case, as the spec writes it) on `path` is kept by a path glob: a plain
    /// one, or one after that method.
    public func keeps(method: String, path: String) -> Bool {
        guard let patterns = operations else { return true }
        return patterns.contains { pattern in
            guard let glob = Self.pathPattern(pattern), glob.method.map({ $0 == method.lowercased() }) ?? true else { return false }
            return PathGlob(glob.path).matches(path)
        }
    }

    /// Whether `operation` is kept: its path matches a glob, or its operationId is named.
    public func keeps(_ operation: Operation) -> Bool {
        guard let patterns = operations else { return true }
        return patterns.contains { Self.matches($0, operation) }
    }

    /// Whether one pattern names `operation`, by path glob (after its method, if one is given) or operationId.
    public static func matches(_ pattern: String, _ operation: Operation) -> Bool {
        guard let glob = pathPattern(pattern) else { return pattern == operation.operationID }
        guard glob.method.map({ $0 == operation.method.rawValue }) ?? true else { return false }
        return PathGlob(glob.path).matches(operation.path)
    }

    /// A pattern read as a path glob, `/v1/x/*`, or a method and a path glob, `GET /v1/x/*` (the method in any case,
    /// returned in lower case); `nil` for anything else, such as an operationId.
    public static func pathPattern(_ pattern: String) -> (method: String?, path: String)? {
        if pattern.hasPrefix("/") { return (nil, pattern) }
        let parts = pattern.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[1].hasPrefix("/"), openAPIMethods.contains(parts[0].lowercased()) else { return nil }
        return (parts[0].lowercased(), String(parts[1]))
    }

    /// The operation keys of an OpenAPI path item.
    public static let openAPIMethods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// Every name reached from `roots` by following `references` (called once per name reached), roots included.
    public static func reach(from roots: [String], references: (String) -> [String]) -> Set<String> {
        var reached: Set<String> = []
        var pending = roots
        while let name = pending.popLast() {
            guard reached.insert(name).inserted else { continue }
            pending += references(name)
        }
        return reached
    }

    /// The document cut down to the kept operations and the component schemas they and ``schemas`` reach.
    /// Paths stay, without their dropped operations: method names come from the shape of every path, so a kept
    /// operation is called the same whatever else is kept.
    public func apply(to document: OpenAPIDocument) -> OpenAPIDocument {
        guard operations != nil else { return document }
        var result = document
        result.paths = document.paths.map { item in
            var item = item
            item.operations = item.operations.filter(keeps)
            return item
        }
        var roots = schemas.filter { document.schemas[$0] != nil }
        for operation in result.operations {
            for parameter in operation.parameters { Self.collectReferences(parameter.schema, into: &roots) }
            if let body = operation.requestBody { Self.collectReferences(body.schema, into: &roots) }
            for case let schema? in operation.responses.map(\.schema) { Self.collectReferences(schema, into: &roots) }
        }
        let reached = Self.reach(from: roots) { name in
            var names: [String] = []
            if let schema = document.schemas[name] { Self.collectReferences(schema, into: &names) }
            return names
        }
        result.schemaNames = document.schemaNames.filter(reached.contains)
        result.schemas = document.schemas.filter { reached.contains($0.key) }
        return result
    }

    /// Appends every component name referenced in `schema` and the schemas inside it.
    static func collectReferences(_ schema: Schema, into names: inout [String]) {
        var pending = [schema]
        while let schema = pending.popLast() {
            if let name = schema.referenceName { names.append(name) }
            pending += schema.children
        }
    }
}
