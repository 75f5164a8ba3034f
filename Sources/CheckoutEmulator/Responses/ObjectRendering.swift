#if Emulator
import Foundation
import StripeCheckout
import StripeRuntime

/// How the engine writes the objects it holds: unset nullable fields as `null`, and `expand[]` turning ids into the
/// objects they name, for every kind of object the emulator holds.
extension CheckoutEngine {
    /// The component schemas of the objects the emulator holds: ids of these expand, ids of anything else do not.
    static let heldSchemas: Set<String> = ["checkout.session", "customer", "invoice", "payment_intent", "price", "product",
                                           "refund", "subscription"]

    /// `object` (of the component schema `schema`) as the API answers it, with `expand` applied; `includes` are the
    /// values of fields left out until asked for (a session's `line_items`).
    func render(_ object: JSONValue, schema: String, expand: [String],
                includes: [String: JSONValue] = [:]) throws(APIError) -> JSONValue {
        let filled = nullFilled(object, schema: schema)
        guard !expand.isEmpty else { return filled }
        let expansion = Expansion(document: document, lookup: { schema, id in self.heldObject(schema: schema, id: id) },
                                  heldSchemas: Self.heldSchemas, includes: includes)
        return try expansion.apply(expand, to: filled, schema: schema)
    }

    /// `object` with each nullable field of `schema` it lacks written as `null`.
    func nullFilled(_ object: JSONValue, schema: String) -> JSONValue {
        guard case .object(var members) = object else { return object }
        for key in nullableKeys[schema] ?? [] where members[key] == nil { members[key] = .null }
        return .object(members)
    }

    /// The held object of `schema` with `id`, as the API writes it.
    func heldObject(schema: String, id: String) -> JSONValue? {
        let object: JSONValue? = switch schema {
        case "checkout.session": state.sessions[id].map { JSONValue.encoding($0) }
        case "customer": state.customers[id]
        case "product": state.products[id]
        case "price": state.prices[id].map { JSONValue.encoding($0) }
        case "payment_intent": state.paymentIntents[id]
        case "subscription": state.subscriptions[id]
        case "invoice": state.invoices[id]
        case "refund": state.refunds[id].map { JSONValue.encoding($0) }
        default: nil
        }
        return object.map { nullFilled($0, schema: schema) }
    }

    /// A list answer of rendered objects.
    func listAnswer(_ data: [JSONValue], hasMore: Bool, url: String) -> EmulatorResponse {
        Rendering.json(ListObject(data: data, hasMore: hasMore, url: url))
    }

    /// The `expand[]` paths of a list request, which name fields of each element under `data.`.
    func elementPaths(_ query: FormTree) throws(APIError) -> [String] {
        var paths: [String] = []
        for path in try query.expandPaths() {
            guard path.hasPrefix("data.") else { throw Expansion.refused(path) }
            paths.append(String(path.dropFirst("data.".count)))
        }
        return paths
    }
}
#endif
