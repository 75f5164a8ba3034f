import StripeSpec

/// A request to Stripe's API matched to the spec operation it calls, with the values of the path's placeholders
/// (`/v1/customers/cus_123` -> `GetCustomersCustomer`, `customer: cus_123`).
struct APIRoute: Sendable {
    /// The operation the request calls.
    let operation: StripeSpec.Operation
    /// The placeholder values, by placeholder name.
    let pathValues: [String: String]

    /// The operation's id, which the engine dispatches on.
    var operationID: String { operation.operationID }

    /// The first path value, for operations on one object (`/v1/products/{id}`).
    var objectID: String { operation.pathTemplate.placeholders.first.flatMap { pathValues[$0] } ?? "" }

    /// The operation among `operations` that `method` on `path` calls; a path with more literal segments wins over
    /// one with placeholders in their place.
    static func match(method: String, path: String, in operations: [StripeSpec.Operation]) -> APIRoute? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var best: (route: APIRoute, literals: Int)?
        for operation in operations where operation.method.rawValue == method.lowercased() {
            let segments = operation.pathTemplate.segments
            guard segments.count == parts.count else { continue }
            var values: [String: String] = [:]
            var literals = 0
            var matches = true
            for (segment, part) in zip(segments, parts) {
                switch segment {
                case .literal(let text):
                    if text == part { literals += 1 } else { matches = false }
                case .placeholder(let name):
                    values[name] = part.removingPercentEncoding ?? part
                }
                if !matches { break }
            }
            if matches, literals > (best?.literals ?? -1) {
                best = (APIRoute(operation: operation, pathValues: values), literals)
            }
        }
        return best?.route
    }
}

extension StripeSpec.Operation {
    /// The operation's path split into literal and placeholder segments.
    var pathTemplate: PathTemplate { PathTemplate(path) }
}
