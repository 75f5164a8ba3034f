import SpecYAML

/// Reads a spec's YAML tree into an ``OpenAPIDocument``: info, servers, paths with their operations, and schemas.
struct DocumentReader {
    private var schemas: SchemaReader
    private let path: String
    private var diagnostics: Diagnostics {
        get { schemas.diagnostics }
        set { schemas.diagnostics = newValue }
    }

    init(path: String) {
        self.path = path
        self.schemas = SchemaReader(path: path)
    }

    private func location(_ node: YAMLNode) -> SourceLocation { SourceLocation(path: path, mark: node.mark) }

    /// Reads the tree `root`. With `releasing`, the caller hands over the only reference to the tree: each component
    /// schema and each path item is then moved out of it and freed as soon as it is read, while it is still in cache,
    /// rather than with the whole tree afterwards.
    mutating func read(_ tree: consuming YAMLNode, releasing: Bool = false) -> (OpenAPIDocument, Diagnostics) {
        var root = consume tree
        guard root.pairs != nil else {
            diagnostics.error("a spec must be a mapping at the top level, found a \(root.kindName)", at: location(root))
            return (empty, diagnostics)
        }
        let openAPI = root["openapi"]?.string ?? ""
        if !openAPI.hasPrefix("3.") {
            diagnostics.error("expected 'openapi: 3.x', found '\(openAPI)'", at: location(root["openapi"] ?? root))
        }
        let info = root["info"]
        let servers = root["servers"]?.items?.compactMap { $0["url"]?.string } ?? []
        var names: [String] = []
        var table: [String: Schema] = [:]
        var schemaNodes: YAMLNode?
        if var components = Self.take("components", from: &root, releasing: releasing) {
            schemaNodes = Self.take("schemas", from: &components, releasing: releasing)
        }
        if case .mapping(var pairs)? = schemaNodes?.content {
            // `pairs` keeps the only reference to the schemas, so each is freed once read.
            if releasing { schemaNodes = nil }
            names.reserveCapacity(pairs.count)
            table.reserveCapacity(pairs.count)
            for index in pairs.indices {
                guard case .scalar(let key) = pairs[index].key.content else { continue }
                let name = key.text
                names.append(name)
                let node = Self.value(at: index, of: &pairs, releasing: releasing)
                table[name] = schemas.read(node, context: "schema '\(name)'")
            }
        }
        var items: [PathItem] = []
        var pathsNode = Self.take("paths", from: &root, releasing: releasing)
        if pathsNode != nil {
            guard case .mapping(var pairs)? = pathsNode?.content else {
                diagnostics.error("'paths' must be a mapping", at: location(pathsNode!))
                return (empty, diagnostics)
            }
            // `pairs` keeps the only reference to the path items, so each is freed once read.
            if releasing { pathsNode = nil }
            for index in pairs.indices {
                guard case .scalar(let key) = pairs[index].key.content else { continue }
                items.append(readPathItem(key.text, node: Self.value(at: index, of: &pairs, releasing: releasing)))
            }
        } else {
            diagnostics.error("the spec has no 'paths'", at: location(root))
        }
        let document = OpenAPIDocument(
            sourcePath: path, openAPIVersion: openAPI, apiVersion: info?["version"]?.string ?? "",
            title: info?["title"]?.string ?? "", servers: servers, paths: items, schemaNames: names, schemas: table)
        // The references the reader gathered are those of the schemas in the document, each once, unless a schema
        // name repeats (only in a tree built by hand): then one schema replaced another, so walk the document instead.
        var checker = ReferenceChecker(document: document,
                                       references: table.count == names.count ? schemas.references : nil)
        checker.check()
        diagnostics.append(contentsOf: checker.diagnostics)
        return (document, diagnostics)
    }

    /// A value left where a node was moved out.
    private static let hole = YAMLNode(.sequence([]))

    /// `node[key]`. When `releasing`, the value is moved out of `node`, a hole left in its place, so that `node` holds
    /// no reference to it and it is freed once its reader lets go (as long as nothing else shares it).
    private static func take(_ key: String, from node: inout YAMLNode, releasing: Bool) -> YAMLNode? {
        guard releasing else { return node[key] }
        guard case .mapping(var pairs) = node.content else { return nil }
        // Leave `pairs` the only reference to its storage, so that it changes in place rather than being copied.
        node.content = hole.content
        defer { node.content = .mapping(pairs) }
        for index in pairs.indices {
            guard case .scalar(let scalar) = pairs[index].key.content, scalar.text == key else { continue }
            return value(at: index, of: &pairs, releasing: true)
        }
        return nil
    }

    /// `pairs[index].value`; when `releasing`, moved out and a hole left in its place.
    private static func value(at index: Int, of pairs: inout [YAMLPair], releasing: Bool) -> YAMLNode {
        let value = pairs[index].value
        if releasing { pairs[index].value = hole }
        return value
    }

    private var empty: OpenAPIDocument {
        OpenAPIDocument(sourcePath: path, openAPIVersion: "", apiVersion: "", title: "", servers: [],
                        paths: [], schemaNames: [], schemas: [:])
    }

    private mutating func readPathItem(_ pathName: String, node: YAMLNode) -> PathItem {
        var operations: [Operation] = []
        let placeholders = Self.placeholders(of: pathName)
        for pair in node.pairs ?? [] {
            guard let key = pair.keyText else { continue }
            guard let method = HTTPMethod(rawValue: key) else {
                if HTTPMethod.unsupported.contains(key) {
                    let supported = HTTPMethod.allCases.map(\.rawValue).joined(separator: ", ")
                    diagnostics.error("\(key.uppercased()) \(pathName): '\(key)' operations cannot be generated "
                                      + "(the methods generated are \(supported)); remove it or trim it with an overlay",
                                      at: location(pair.key))
                } else if key != "parameters", key != "summary", key != "description", key != "servers" {
                    diagnostics.warning("path '\(pathName)': unsupported key '\(key)' is ignored", at: location(pair.key))
                }
                continue
            }
            operations.append(readOperation(method, pathName: pathName, placeholders: placeholders, node: pair.value))
        }
        if node.pairs == nil {
            diagnostics.error("path '\(pathName)' must be a mapping of operations", at: location(node))
        }
        return PathItem(path: pathName, operations: operations, location: location(node))
    }

    private mutating func readOperation(_ method: HTTPMethod, pathName: String, placeholders: [String],
                                        node: YAMLNode) -> Operation {
        let name = "\(method.rawValue.uppercased()) \(pathName)"
        let operationID = node["operationId"]?.string ?? ""
        if operationID.isEmpty {
            diagnostics.warning("\(name): no operationId", at: location(node))
        }
        var parameters: [Parameter] = []
        for item in node["parameters"]?.items ?? [] {
            if let parameter = readParameter(item, operation: name) { parameters.append(parameter) }
        }
        checkPathPlaceholders(placeholders, parameters: parameters, operation: name, node: node)
        var body: RequestBody?
        if let bodyNode = node["requestBody"] { body = readRequestBody(bodyNode, operation: name) }
        var responses: [Response] = []
        for pair in node["responses"]?.pairs ?? [] {
            guard let status = pair.keyText else { continue }
            responses.append(readResponse(status, node: pair.value, operation: name))
        }
        if responses.isEmpty {
            diagnostics.error("\(name): no responses", at: location(node))
        }
        if method == .head, let bodied = responses.first(where: { $0.statusCode.hasPrefix("2") && $0.schema != nil }) {
            diagnostics.warning("\(name): a HEAD answer has no body, so response \(bodied.statusCode)'s schema is not "
                                + "generated; the method returns the answer's headers", at: location(node))
        }
        return Operation(
            method: method, path: pathName, operationID: operationID, description: node["description"]?.string,
            deprecated: node["deprecated"]?.scalar?.bool ?? false, parameters: parameters, requestBody: body,
            responses: responses, location: location(node))
    }

    private mutating func readParameter(_ node: YAMLNode, operation: String) -> Parameter? {
        guard let name = node["name"]?.string else {
            diagnostics.error("\(operation): a parameter needs a 'name'", at: location(node))
            return nil
        }
        let place = node["in"]?.string ?? ""
        guard let where_ = Parameter.Location(rawValue: place) else {
            diagnostics.error("\(operation): parameter '\(name)' has unknown 'in: \(place)'", at: location(node["in"] ?? node))
            return nil
        }
        guard let schemaNode = node["schema"] else {
            diagnostics.error("\(operation): parameter '\(name)' has no schema", at: location(node))
            return nil
        }
        return Parameter(
            name: name, location: where_, required: node["required"]?.scalar?.bool ?? (where_ == .path),
            style: node["style"]?.string, explode: node["explode"]?.scalar?.bool,
            description: node["description"]?.string,
            schema: schemas.read(schemaNode, context: "\(operation) parameter '\(name)'"),
            sourceLocation: location(node))
    }

    private mutating func checkPathPlaceholders(_ placeholders: [String], parameters: [Parameter], operation: String,
                                                node: YAMLNode) {
        // Paths have a few placeholders and parameters each, so plain scans beat building sets.
        for index in parameters.indices where parameters[index].location == .path {
            let name = parameters[index].name
            if !placeholders.contains(name) {
                diagnostics.error("\(operation): path parameter '\(name)' has no '{\(name)}' in the path",
                                  at: parameters[index].sourceLocation)
            }
        }
        for placeholder in placeholders
        where !parameters.contains(where: { $0.location == .path && $0.name == placeholder }) {
            diagnostics.error("\(operation): placeholder '{\(placeholder)}' has no path parameter", at: location(node))
        }
    }

    /// `PathTemplate(path).placeholders`, read straight from the bytes when the path is ASCII (then bytes are
    /// characters, as far as `/`, `{` and `}` go), without splitting the path into characters.
    static func placeholders(of path: String) -> [String] {
        let fast = path.utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
            var result: [String] = []
            var start = 0
            for byte in bytes where byte >= 0x80 { return nil }
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "/") { end += 1 }
                if end - start >= 2, bytes[start] == UInt8(ascii: "{"), bytes[end - 1] == UInt8(ascii: "}") {
                    result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<(end - 1)]),
                                         as: UTF8.self))
                }
                start = end + 1
            }
            return result
        }
        if let fast, let fast { return fast }
        return PathTemplate(path).placeholders
    }

    private mutating func readRequestBody(_ node: YAMLNode, operation: String) -> RequestBody? {
        guard let content = node["content"]?.pairs, let first = content.first, let contentType = first.keyText else {
            diagnostics.error("\(operation): requestBody has no content", at: location(node))
            return nil
        }
        guard let schemaNode = first.value["schema"] else {
            diagnostics.error("\(operation): requestBody '\(contentType)' has no schema", at: location(first.value))
            return nil
        }
        var encoding: [String: RequestBody.Encoding] = [:]
        for pair in first.value["encoding"]?.pairs ?? [] {
            guard let field = pair.keyText else { continue }
            encoding[field] = RequestBody.Encoding(style: pair.value["style"]?.string,
                                                   explode: pair.value["explode"]?.scalar?.bool)
        }
        return RequestBody(
            contentType: contentType,
            schema: schemas.read(schemaNode, context: "\(operation) requestBody"),
            required: node["required"]?.scalar?.bool ?? false, encoding: encoding)
    }

    private mutating func readResponse(_ status: String, node: YAMLNode, operation: String) -> Response {
        var schema: Schema?
        var others: [String] = []
        for pair in node["content"]?.pairs ?? [] {
            guard let type = pair.keyText else { continue }
            if type == "application/json", let schemaNode = pair.value["schema"] {
                schema = schemas.read(schemaNode, context: "\(operation) response \(status)")
            } else {
                others.append(type)
            }
        }
        return Response(statusCode: status, description: node["description"]?.string, schema: schema,
                        otherContentTypes: others)
    }
}
