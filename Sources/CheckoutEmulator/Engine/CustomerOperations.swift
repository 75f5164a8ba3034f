#if Emulator
import Foundation
import StripeCheckout
import StripeRuntime

/// Customers through Stripe's API: create, list (by email), retrieve, update, delete; a deleted customer answers as
/// `{"id", "object": "customer", "deleted": true}`.
extension CheckoutEngine {
    /// The customer fields a create or update request writes as they are sent.
    static let customerFields = ["address", "balance", "description", "email", "metadata", "name", "phone",
                                 "preferred_locales", "shipping", "tax_exempt"]

    func createCustomer(_ request: EmulatorRequest, _ route: APIRoute) throws(APIError) -> EmulatorResponse {
        let params = try body(request, route)
        var customer = newCustomer(email: nil)
        FormPatch(document: document).apply(params, fields: Self.customerFields, to: &customer, schema: "customer")
        let answer = try render(.object(customer), schema: "customer", expand: try params.expandPaths())
        EmulatorState.store(customer, in: &state.customers)
        emit("customer.created", object: nullFilled(.object(customer), schema: "customer"))
        return Rendering.json(answer)
    }

    func listCustomers(_ request: EmulatorRequest, _ route: APIRoute) throws(APIError) -> EmulatorResponse {
        let query = try self.query(request, route)
        let email = query["email"]?.string
        let created = try query["created"].map { tree throws(APIError) in try CreatedRange(tree) }
        let page = try state.customers.page(ListRequest(query)) { customer in
            if customer["deleted"]?.boolValue == true { return false }
            if let email, customer["email"]?.stringValue != email { return false }
            if let created, !created.contains(customer["created"]?.intValue ?? 0) { return false }
            return true
        }
        return try listAnswer(page, schema: "customer", query: query, url: "/v1/customers")
    }

    func retrieveCustomer(_ request: EmulatorRequest, _ route: APIRoute) throws(APIError) -> EmulatorResponse {
        let query = try self.query(request, route)
        let customer = try customerObject(route.objectID, param: "customer", allowDeleted: true)
        if customer["deleted"]?.boolValue == true { return Rendering.json(customer) }
        return Rendering.json(try render(customer, schema: "customer", expand: try query.expandPaths()))
    }

    func updateCustomer(_ request: EmulatorRequest, _ route: APIRoute) throws(APIError) -> EmulatorResponse {
        let params = try body(request, route)
        guard var customer = try customerObject(route.objectID, param: "customer").objectValue else {
            throw APIError.missing("customer", route.objectID, param: "customer")
        }
        FormPatch(document: document).apply(params, fields: Self.customerFields, to: &customer, schema: "customer")
        let answer = try render(.object(customer), schema: "customer", expand: try params.expandPaths())
        EmulatorState.store(customer, in: &state.customers)
        emit("customer.updated", object: nullFilled(.object(customer), schema: "customer"))
        return Rendering.json(answer)
    }

    func deleteCustomer(_ request: EmulatorRequest, _ route: APIRoute) throws(APIError) -> EmulatorResponse {
        _ = try body(request, route)
        let customer = try customerObject(route.objectID, param: "customer")
        let deleted: JSONObject = ["id": .string(route.objectID), "object": .string("customer"), "deleted": .bool(true)]
        EmulatorState.store(deleted, in: &state.customers)
        emit("customer.deleted", object: nullFilled(customer, schema: "customer"))
        return Rendering.json(JSONValue.object(deleted))
    }

    // MARK: Helpers

    /// The held customer with `id`, or Stripe's 404 naming `param`; a deleted one only when `allowDeleted`.
    func customerObject(_ id: String, param: String, allowDeleted: Bool = false) throws(APIError) -> JSONValue {
        guard let customer = state.customers[id], allowDeleted || customer["deleted"]?.boolValue != true else {
            throw APIError.missing("customer", id, param: param)
        }
        return customer
    }

    /// A new customer as Stripe creates one, before a request's fields are written on top.
    func newCustomer(email: String?) -> JSONObject {
        [
            "id": .string(ObjectID.make("cus_", length: 14)), "object": .string("customer"), "balance": .int(0),
            "created": .time(configuration.now()), "delinquent": .bool(false), "email": .text(email),
            "invoice_prefix": .string(String(ObjectID.make("", length: 8).uppercased())),
            "invoice_settings": .object(["custom_fields": .null, "default_payment_method": .null, "footer": .null,
                                         "rendering_options": .null]),
            "livemode": .bool(false), "metadata": .object([:]), "next_invoice_sequence": .int(1),
            "preferred_locales": .array([]), "tax_exempt": .string("none"),
        ]
    }
}
#endif
