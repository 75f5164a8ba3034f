import StripeSpec

/// Groups operations into resources and names their methods from the path shape, the way Stripe's SDKs do:
/// `POST /v1/checkout/sessions` is `checkout.sessions.create`, `.../{session}/expire` is `expire`.
struct ResourcePlanner {
    /// Where an operation goes: namespace, resource and method name.
    struct Placement: Hashable {
        var namespace: [String]
        var resource: String
        var method: String
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

    /// `PathTemplate(path).segments`, parsed once per path.
    func segments(of path: String) -> [PathTemplate.Segment] {
        pathSegments[path] ?? PathTemplate(path).segments
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
        } else if literals.count == 1, rest.count == 2, !endsWithPlaceholder, operation.method == .post,
                  !collectionPrefixes.contains(leading + [resource] + literals) {
            // `POST /v1/x/{id}/expire`: the action itself is the method.
            words = [literals[0]]
        } else if literals.count == 1, rest.count == 1 {
            // `GET /v1/customers/search`.
            words = [literals[0]]
        } else {
            let objects = literals.enumerated().map { index, word in
                index == literals.count - 1 && (endsWithPlaceholder || (!returnsList && operation.method != .get))
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
        }
    }
}
