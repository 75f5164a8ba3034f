#if Emulator
import Foundation
import StripeCheckout
import StripeRuntime

/// Payment intents, as a paid Checkout Session leaves them: listed and retrieved through Stripe's API, made by the
/// emulator when a payment-mode session completes, and moved on when a delayed payment settles.
extension CheckoutEngine {
    func listPaymentIntents(_ request: EmulatorRequest, _ route: APIRoute) throws(APIError) -> EmulatorResponse {
        let query = try self.query(request, route)
        let customer = query["customer"]?.string
        let created = try query["created"].map { tree throws(APIError) in try CreatedRange(tree) }
        let page = try state.paymentIntents.page(ListRequest(query)) { intent in
            if let customer, intent["customer"]?.referencedID != customer { return false }
            if let created, !created.contains(intent["created"]?.intValue ?? 0) { return false }
            return true
        }
        return try listAnswer(page, schema: "payment_intent", query: query, url: "/v1/payment_intents")
    }

    func retrievePaymentIntent(_ request: EmulatorRequest, _ route: APIRoute) throws(APIError) -> EmulatorResponse {
        let query = try self.query(request, route)
        guard let intent = state.paymentIntents[route.objectID] else {
            throw APIError.missing("payment_intent", route.objectID, param: "intent")
        }
        return Rendering.json(try render(intent, schema: "payment_intent", expand: try query.expandPaths()))
    }

    /// The payment intent of a payment-mode session its customer just paid: `succeeded`, or `processing` for a
    /// delayed payment method.
    func newPaymentIntent(for session: CheckoutSession, customer: String?, delayed: Bool) -> JSONObject {
        let id = ObjectID.make("pi_")
        let amount = session.amountTotal ?? 0
        return [
            "id": .string(id), "object": .string("payment_intent"), "amount": .int(amount),
            "amount_capturable": .int(0), "amount_received": .int(delayed ? 0 : amount),
            "capture_method": .string("automatic"), "client_secret": .string("\(id)_secret_\(ObjectID.make("", length: 25))"),
            "confirmation_method": .string("automatic"), "created": .time(configuration.now()),
            "currency": .text(session.currency), "customer": .text(customer), "livemode": .bool(false),
            "metadata": .object([:]), "payment_method": .string(ObjectID.make("pm_")),
            "payment_method_types": .array((session.paymentMethodTypes ?? ["card"]).map(JSONValue.string)),
            "receipt_email": .text(session.customerDetails?.email), "status": .string(delayed ? "processing" : "succeeded"),
        ]
    }

    /// Moves the payment intent of a delayed payment to how it settled: `succeeded`, or back to
    /// `requires_payment_method` with the failure as its `last_payment_error`.
    func settlePaymentIntent(_ id: String, succeeded: Bool) {
        guard var intent = state.paymentIntents[id]?.objectValue else { return }
        if succeeded {
            intent["status"] = .string("succeeded")
            intent["amount_received"] = intent["amount"]
        } else {
            intent["status"] = .string("requires_payment_method")
            intent["payment_method"] = .null
            intent["last_payment_error"] = .object([
                "type": .string("card_error"), "code": .string("payment_intent_payment_attempt_failed"),
                "message": .string("The payment failed (settled as failed by the emulator)."),
            ])
        }
        EmulatorState.store(intent, in: &state.paymentIntents)
    }
}
#endif
