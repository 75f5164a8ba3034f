/// "Keep these operations and the component schemas they reach": used by `trim` on the YAML tree and by the
/// `operations:` setting of a codegen configuration on the typed document, with one pattern syntax.
public struct ReachabilityFilter: Sendable, Hashable {
    /// Path globs (starting with `/`; see ``PathGlob``) or exact operationIds; `nil` keeps every operation.
    public var operations: [String]?
    /// Component schemas kept even when no kept operation reaches them (e.g. `event`).
    public var schemas: [String]

    /// Creates a filter keeping `operations` (every one when `nil`) and the extra `schemas`.
    public init(operations: [String]? = nil, schemas: [String] = []) {
        self.operations = operations
        self.schemas = schemas
    }

    /// Whether a path glob among the patterns matches `path` (all paths when there are no patterns).
    public func keeps(path: String) -> Bool {
        guard let patterns = operations else { return true }
        return patterns.contains { $0.hasPrefix("/") && PathGlob($0).matches(path) }
    }

    /// Whether `operation` is kept: its path matches a glob, or its operationId is named.
    public func keeps(_ operation: Operation) -> Bool {
        guard let patterns = operations else { return true }
        return patterns.contains { Self.matches($0, operation) }
    }

    /// Whether one pattern names `operation`, by path glob or operationId.
    public static func matches(_ pattern: String, _ operation: Operation) -> Bool {
        pattern.hasPrefix("/") ? PathGlob(pattern).matches(operation.path) : pattern == operation.operationID
    }

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
