import StripeSpec

/// Groups operations into resources and names their methods from the path shape, the way Stripe's SDKs do:
/// `POST /v1/checkout/sessions` is `checkout.sessions.create`, `.../{session}/expire` is `expire`.
struct ResourcePlanner {
    /// Where an operation goes: namespace, resource and method name.
    struct Placement: Hashable, Sendable {
        var namespace: [String]
        var resource: String
        var method: String
    }

    /// A resource's key (namespace, then name) and its operations with where each goes.
    struct Group: Sendable {
        var key: [String]
        var operations: [(placement: Placement, operation: Operation)]
    }

    private let collectionPrefixes: Set<[String]>
    /// Every path's segments, parsed once: placing and translating an operation both need them.
    private let pathSegments: [String: [PathTemplate.Segment]]

    init(document: OpenAPIDocument) {
        // Literal words that are followed by a placeholder somewhere: those name collections.
        var prefixes: Set<[String]> = []
        var pathSegments: [String: [PathTemplate.Segment]] = [:]
        for item in document.paths {
            let segments = PathTemplate(item.path).segments
            pathSegments[item.path] = segments
            var literals: [String] = []
            for segment in Self.withoutVersion(segments) {
                switch segment {
                case .literal(let text): literals.append(text)
                case .placeholder: prefixes.insert(literals)
                }
            }
        }
        collectionPrefixes = prefixes
        self.pathSegments = pathSegments
    }

    /// The operations grouped by resource, resources sorted by path.
    func groups(in document: OpenAPIDocument) -> [Group] {
        var grouped: [[String]: [(placement: Placement, operation: Operation)]] = [:]
        var order: [[String]] = []
        for operation in document.operations {
            let placement = placement(for: operation,
                                      returnsList: Self.listElementSchema(of: operation, in: document) != nil)
            let key = placement.namespace + [placement.resource]
            if grouped[key] == nil { order.append(key) }
            grouped[key, default: []].append((placement, operation))
        }
        return order.sorted { $0.joined(separator: ".") < $1.joined(separator: ".") }.map { key in
            Group(key: key, operations: grouped[key] ?? [])
        }
    }

    /// The method name of each operation in `group`: the placement's, or the operationId's when that is taken.
    ///
    /// GET, POST and DELETE operations (Stripe's own) claim their names first, then PUT, PATCH and HEAD ones, so
    /// that adding one of those to a spec never renames a method that was already generated.
    static func methodNames(of group: Group) -> [String] {
        var methodNames = NameScope(reserved: ["client", "init"])
        var names = [String](repeating: "", count: group.operations.count)
        let indices = group.operations.indices
        for index in indices.filter({ Self.isStripeMethod(group.operations[$0].operation.method) })
            + indices.filter({ !Self.isStripeMethod(group.operations[$0].operation.method) }) {
            let (placement, operation) = group.operations[index]
            var method = placement.method
            if methodNames.contains(method) {
                // Without an operationId, a PUT, PATCH or HEAD says its method (`putUpdate`) rather than `value`.
                method = operation.operationID.isEmpty && !Self.isStripeMethod(operation.method)
                    ? operation.method.rawValue + SwiftNames.typeName(method)
                    : SwiftNames.memberName(operation.operationID)
            }
            names[index] = methodNames.claim(method, suffix: "Operation")
        }
        return names
    }

    /// Whether Stripe's API uses `method`: those operations are named first.
    private static func isStripeMethod(_ method: HTTPMethod) -> Bool {
        switch method {
        case .get, .post, .delete: return true
        case .put, .patch, .head: return false
        }
    }

    /// The list element schema when the operation answers with a list page.
    static func listElementSchema(of operation: Operation, in document: OpenAPIDocument) -> Schema? {
        guard let schema = operation.successSchema, let object = document.resolve(schema)?.object,
              let objectProperty = object.property("object"),
              document.resolve(objectProperty.schema)?.enumValues == ["list"],
              object.property("has_more") != nil,
              let data = object.property("data"), case .array(let items)? = document.resolve(data.schema)?.kind
        else { return nil }
        return items
    }

    /// The params of an operation as one object: query parameters, then the form body's fields.
    static func paramsObject(of operation: Operation, in document: OpenAPIDocument) -> ObjectSchema {
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
        return ObjectSchema(properties: properties, required: required, additionalProperties: .forbidden)
    }

    /// `PathTemplate(path).segments`, parsed once per path.
    func segments(of path: String) -> [PathTemplate.Segment] {
        pathSegments[path] ?? PathTemplate(path).segments
    }

    /// The placeholders' names, in path order: what an operation's path arguments are named from.
    static func placeholders(in segments: [PathTemplate.Segment]) -> [String] {
        segments.compactMap { segment in
            if case .placeholder(let name) = segment { return name }
            return nil
        }
    }

    /// The segments after a leading version (`v1`).
    static func withoutVersion(_ segments: [PathTemplate.Segment]) -> [PathTemplate.Segment] {
        var segments = segments
        if case .literal(let first)? = segments.first, first.hasPrefix("v"), first.dropFirst().allSatisfy(\.isNumber) {
            segments.removeFirst()
        }
        return segments
    }

    func placement(for operation: Operation, returnsList: Bool) -> Placement {
        let segments = Self.withoutVersion(self.segments(of: operation.path))
        var leading: [String] = []
        for segment in segments {
            guard case .literal(let text) = segment else { break }
            leading.append(text)
        }
        var rest = Array(segments.dropFirst(leading.count))
        // `/v1/customers/search`: the last literal is an action on the `customers` collection.
        if rest.isEmpty, leading.count > 1, collectionPrefixes.contains(Array(leading.dropLast())) {
            rest = [.literal(leading.removeLast())]
        }
        if leading.isEmpty { leading = ["root"] }
        let resource = leading.removeLast()
        let verb = Self.verb(operation.method, rest: rest, returnsList: returnsList)
        let literals = rest.compactMap { segment -> String? in
            if case .literal(let text) = segment { return text }
            return nil
        }
        let endsWithPlaceholder: Bool = { if case .placeholder? = rest.last { return true } else { return false } }()
        var words: [String] = []
        if literals.isEmpty {
            words = [verb]
        } else if literals.count == 1, rest.count == 2, !endsWithPlaceholder, Self.actsLikePost(operation.method),
                  !collectionPrefixes.contains(leading + [resource] + literals) {
            // `POST /v1/x/{id}/expire`: the action itself is the method.
            words = [literals[0]]
        } else if literals.count == 1, rest.count == 1 {
            // `GET /v1/customers/search`.
            words = [literals[0]]
        } else {
            let objects = literals.enumerated().map { index, word in
                index == literals.count - 1 && (endsWithPlaceholder || (!returnsList && !Self.isRead(operation.method)))
                    ? SwiftNames.singular(word) : word
            }
            words = [verb] + objects
        }
        let method = SwiftNames.memberName(words.joined(separator: "_"))
        return Placement(namespace: leading, resource: resource, method: method)
    }

    private static func verb(_ method: HTTPMethod, rest: [PathTemplate.Segment], returnsList: Bool) -> String {
        let endsWithPlaceholder: Bool = { if case .placeholder? = rest.last { return true } else { return false } }()
        switch method {
        case .get: return returnsList ? "list" : "retrieve"
        case .post, .put, .patch: return endsWithPlaceholder ? "update" : "create"
        case .delete: return "delete"
        // A HEAD answer is headers only: `head`, so it never reads as a method that returns the resource.
        case .head: return "head"
        }
    }

    /// Whether `method` is named as POST is: PUT and PATCH act too (`PUT .../{id}/logout` is `logout`).
    private static func actsLikePost(_ method: HTTPMethod) -> Bool {
        switch method {
        case .post, .put, .patch: return true
        case .get, .delete, .head: return false
        }
    }

    /// Whether `method` only reads, as GET and HEAD do: the last word of its path then stays as written.
    private static func isRead(_ method: HTTPMethod) -> Bool {
        switch method {
        case .get, .head: return true
        case .post, .put, .patch, .delete: return false
        }
    }
}
