#if Emulator
import Foundation
import StripeCheckout
import StripeRuntime

/// `POST /v1/refunds` and `GET /v1/refunds`: refunds of the payment a completed session took,
/// in full or in parts, never more than was paid.
extension CheckoutEngine {
    func createRefund(_ request: EmulatorRequest, _ route: APIRoute) throws(APIError) -> EmulatorResponse {
        let params = try body(request, route)
        let session = try paidSession(params)
        guard let paymentIntent = session.paymentIntent?.id else {
            throw APIError.invalidRequest("The session has no payment to refund.", param: "payment_intent")
        }
        let paid = session.amountTotal ?? 0
        let remaining = paid - state.refundedAmount(of: paymentIntent)
        guard remaining > 0 else {
            throw APIError.invalidRequest("The payment \(paymentIntent) has already been refunded in full.",
                                          code: "charge_already_refunded")
        }
        let amount = try requestedAmount(params, remaining: remaining, currency: session.currency ?? "usd")
        let refund = Refund(
            amount: amount, balanceTransaction: ObjectID.make("txn_"),
            created: Date(timeIntervalSince1970: configuration.now().timeIntervalSince1970.rounded(.down)),
            currency: session.currency ?? "usd", id: ObjectID.make("re_"),
            metadata: SessionBuilder.metadata(params["metadata"]), object: "refund", paymentIntent: .id(paymentIntent),
            reason: params["reason"]?.string.map { Refund.Reason(rawValue: $0) }, status: "succeeded"
        )
        let answer = try render(.encoding(shapedRefund(refund)), schema: "refund", expand: try params.expandPaths())
        state.refunds.store(refund, id: refund.id)
        persist()
        return Rendering.json(answer)
    }

    func listRefunds(_ request: EmulatorRequest, _ route: APIRoute) throws(APIError) -> EmulatorResponse {
        let query = try self.query(request, route)
        var refunds = Array(state.refunds.newestFirst)
        if let paymentIntent = query["payment_intent"]?.string {
            refunds = refunds.filter { $0.paymentIntent?.id == paymentIntent }
        }
        if let created = query["created"] {
            refunds = refunds.filter { Self.matches(created: $0.created, created) }
        }
        if query["charge"]?.string != nil {
            refunds = []  // The emulator's payments have no charge objects, so no refund names one.
        }
        let page = try ListRequest(query).page(of: refunds, id: \.id)
        return try listAnswer((page.data.map { JSONValue.encoding(shapedRefund($0)) }, page.hasMore), schema: "refund",
                              query: query, url: "/v1/refunds")
    }

    /// Whether `date` passes a `created` filter: an exact unix time, or `gt`/`gte`/`lt`/`lte` bounds.
    private static func matches(created date: Date, _ filter: FormTree) -> Bool {
        let seconds = Int(date.timeIntervalSince1970)
        if let exact = filter.string { return Int(exact) == seconds }
        let bound = { (name: String) in filter[name]?.string.flatMap { Int($0) } }
        if let gt = bound("gt"), !(seconds > gt) { return false }
        if let gte = bound("gte"), !(seconds >= gte) { return false }
        if let lt = bound("lt"), !(seconds < lt) { return false }
        if let lte = bound("lte"), !(seconds <= lte) { return false }
        return true
    }

    /// A refund as Stripe writes it, unset nullable fields as `null`.
    func shapedRefund(_ refund: Refund) -> NullFilled<Refund> {
        NullFilled(value: refund, nullableKeys: nullableKeys["refund"] ?? [])
    }

    /// The completed, paid session whose payment the request names, or the error Stripe gives.
    private func paidSession(_ params: FormTree) throws(APIError) -> CheckoutSession {
        if let charge = params["charge"]?.string {
            throw APIError.missing("charge", charge, param: "charge")
        }
        guard let paymentIntent = params["payment_intent"]?.string else {
            throw APIError.invalidRequest("One of `charge` or `payment_intent` is required to create a refund.",
                                          code: "parameter_missing")
        }
        guard let session = state.sessions.newestFirst.first(where: { $0.paymentIntent?.id == paymentIntent }) else {
            throw APIError.missing("payment_intent", paymentIntent, param: "payment_intent")
        }
        guard session.paymentStatus == .paid else {
            throw APIError.invalidRequest(
                "The payment \(paymentIntent) has not succeeded yet, so there is nothing to refund.",
                param: "payment_intent", code: "charge_not_refundable"
            )
        }
        return session
    }

    /// The `amount` asked for, or everything still refundable; more than that is `amount_too_large`.
    private func requestedAmount(_ params: FormTree, remaining: Int, currency: String) throws(APIError) -> Int {
        guard let text = params["amount"]?.string else { return remaining }
        guard let amount = Int(text), amount >= 1 else {
            throw APIError.invalidRequest("This value must be greater than or equal to 1.", param: "amount")
        }
        guard amount <= remaining else {
            throw APIError.invalidRequest(
                "A refund of \(MoneyFormat.string(amount, currency: currency)) is more than the "
                    + "\(MoneyFormat.string(remaining, currency: currency)) left to refund on this payment.",
                param: "amount", code: "amount_too_large"
            )
        }
        return amount
    }
}
#endif
