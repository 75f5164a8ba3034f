#if Emulator
import Foundation
import StripeRuntime
import StripeSpec

/// Events: every event the emulator sends is kept, so `GET /v1/events` (by `type`, `types[]`, `created`) and
/// `GET /v1/events/{id}` let a shop catch up on webhooks it missed, as on Stripe.
extension CheckoutEngine {
    func listEvents(_ request: EmulatorRequest, _ route: APIRoute) throws(APIError) -> EmulatorResponse {
        let query = try self.query(request, route)
        if query["type"] != nil && query["types"] != nil {
            throw APIError.invalidRequest("You may only specify one of these parameters: type, types.", param: "types")
        }
        let type = query["type"]?.string.map { PathGlob($0, separator: ".") }
        let types = query["types"]?.elements?.compactMap(\.string)
        let created = try query["created"].map { tree throws(APIError) in try CreatedRange(tree) }
        let page = try state.events.page(ListRequest(query)) { event in
            let eventType = event["type"]?.stringValue ?? ""
            if let type, !type.matches(eventType) { return false }
            if let types, !types.contains(eventType) { return false }
            if let created, !created.contains(event["created"]?.intValue ?? 0) { return false }
            return true
        }
        return try listAnswer(page, schema: "event", query: query, url: "/v1/events")
    }

    func retrieveEvent(_ request: EmulatorRequest, _ route: APIRoute) throws(APIError) -> EmulatorResponse {
        let query = try self.query(request, route)
        guard let event = state.events[route.objectID] else { throw APIError.missing("event", route.objectID, param: "id") }
        return Rendering.json(try render(event, schema: "event", expand: try query.expandPaths()))
    }

    /// Records an event of `type` carrying `object` (as the API writes it; for an update, with the changed fields'
    /// earlier values), saves the state with it, and queues its webhook delivery. A change that sends an event leaves
    /// saving to this call, so the state file is written once per change.
    func emit(_ type: String, object: JSONValue, previousAttributes: JSONObject? = nil) {
        let id = ObjectID.event()
        let event: JSONObject = [
            "id": .string(id), "object": .string("event"), "api_version": .string(apiVersion),
            "created": .time(configuration.now()), "data": .object(previousAttributes.map { ["object": object, "previous_attributes": .object($0)] } ?? ["object": object]), "livemode": .bool(false),
            "pending_webhooks": .int(configuration.webhookURL == nil ? 0 : 1),
            "request": .object(["id": .null, "idempotency_key": .null]), "type": .string(type),
        ]
        EmulatorState.store(event, in: &state.events)
        persist()
        guard let payload = try? JSONEncoder.emulator.encode(JSONValue.object(event)) else { return }
        let webhooks = self.webhooks
        emittedEvents += 1
        let sequence = emittedEvents
        Task { await webhooks.enqueue(eventID: id, type: type, payload: payload, sequence: sequence) }
    }
}
#endif
