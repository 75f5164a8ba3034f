#if Emulator
import StripeSpec

/// A request to Stripe's API matched to the spec operation it calls, with the values of the path's placeholders
/// (`/v1/customers/cus_123` -> `GetCustomersCustomer`, `customer: cus_123`).
struct APIRoute: Sendable {
    /// A served operation with its path split once, when the engine starts.
    struct Served: Sendable {
        let operation: StripeSpec.Operation
        let template: PathTemplate

        init(_ operation: StripeSpec.Operation) {
            self.operation = operation
            self.template = PathTemplate(operation.path)
        }
    }

    /// The operation the request calls.
    let operation: StripeSpec.Operation
    /// The placeholder values, by placeholder name.
    let pathValues: [String: String]
    /// The first placeholder's value, for operations on one object (`/v1/products/{id}`); empty for the others.
    let objectID: String

    /// The operation's id, which the engine dispatches on.
    var operationID: String { operation.operationID }

    /// The operation among `served` that `method` on `path` calls; a path with more literal segments wins over one
    /// with placeholders in their place.
    static func match(method: String, path: String, in served: [Served]) -> APIRoute? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        let method = method.lowercased()
        var best: (route: APIRoute, literals: Int)?
        for candidate in served where candidate.operation.method.rawValue == method {
            let operation = candidate.operation
            let segments = candidate.template.segments
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
                let objectID = candidate.template.placeholders.first.flatMap { values[$0] } ?? ""
                best = (APIRoute(operation: operation, pathValues: values, objectID: objectID), literals)
            }
        }
        return best?.route
    }
}
#endif
