import StripeSpec

extension GeneratorOptions {
    /// Which part of a spec to generate. With no operation patterns everything is generated; with some, only the
    /// matching operations, and only the component schemas they (or ``schemas``) reach.
    public struct Selection: Sendable, Hashable {
        /// Path globs (starting with `/`; `*` is one segment, `**` any trailing ones) or exact operationIds.
        /// `nil` keeps every operation.
        public var operations: [String]?
        /// Component schemas generated even when no kept operation reaches them (e.g. `event`).
        public var schemas: [String]

        public init(operations: [String]? = nil, schemas: [String] = []) {
            self.operations = operations
            self.schemas = schemas
        }

        /// Whether `operation` is kept.
        public func keeps(_ operation: Operation) -> Bool {
            guard let patterns = operations else { return true }
            return patterns.contains { Self.matches($0, operation) }
        }

        /// Whether one pattern names `operation`, by path glob or operationId.
        public static func matches(_ pattern: String, _ operation: Operation) -> Bool {
            pattern.hasPrefix("/") ? glob(pattern, matches: operation.path) : pattern == operation.operationID
        }

        /// Whether a path glob matches a path: `*` is exactly one segment, `**` any number of trailing ones.
        public static func glob(_ pattern: String, matches path: String) -> Bool {
            let patternParts = pattern.split(separator: "/")
            let pathParts = path.split(separator: "/")
            for (index, part) in patternParts.enumerated() {
                if part == "**" { return pathParts.count >= index }
                guard index < pathParts.count, part == "*" || part == pathParts[index] else { return false }
            }
            return patternParts.count == pathParts.count
        }

        /// The document cut down to the kept operations and the schemas they and ``schemas`` reach.
        func apply(to document: OpenAPIDocument) -> OpenAPIDocument {
            guard operations != nil else { return document }
            var result = document
            // Paths stay, without their dropped operations: method names come from the shape of every path, so
            // a kept operation is called the same whatever else is kept.
            result.paths = document.paths.map { item in
                var item = item
                item.operations = item.operations.filter(keeps)
                return item
            }
            var pending: [Schema] = schemas.compactMap { document.schemas[$0] }
            var reached = Set(schemas.filter { document.schemas[$0] != nil })
            for operation in result.operations {
                pending += operation.parameters.map(\.schema)
                if let body = operation.requestBody { pending.append(body.schema) }
                pending += operation.responses.compactMap(\.schema)
            }
            while let schema = pending.popLast() {
                if let name = schema.referenceName, reached.insert(name).inserted, let target = document.schemas[name] {
                    pending.append(target)
                }
                pending += schema.children
            }
            result.schemaNames = document.schemaNames.filter(reached.contains)
            result.schemas = document.schemas.filter { reached.contains($0.key) }
            return result
        }
    }
}
