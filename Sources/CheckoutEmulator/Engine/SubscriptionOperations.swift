#if Emulator
import Foundation
import StripeCheckout
import StripeRuntime

/// Subscriptions and their invoices through Stripe's API: list, retrieve, update (`cancel_at_period_end`, metadata),
/// cancel now; invoices list and retrieve. Each change sends the `customer.subscription.*` event Stripe sends.
extension CheckoutEngine {
    /// The subscription fields an update writes as they are sent.
    static let subscriptionFields = ["cancel_at_period_end", "description", "metadata"]

    func listSubscriptions(_ request: EmulatorRequest, _ route: APIRoute) throws(APIError) -> EmulatorResponse {
        let query = try self.query(request, route)
        let customer = query["customer"]?.string
        let price = query["price"]?.string
        let status = query["status"]?.string
        let created = try query["created"].map { tree throws(APIError) in try CreatedRange(tree) }
        let page = try state.subscriptions.page(ListRequest(query)) { subscription in
            let current = subscription["status"]?.stringValue ?? ""
            switch status {
            case nil: if current == "canceled" { return false }
            case "all"?: break
            case "ended"?: if !["canceled", "incomplete_expired"].contains(current) { return false }
            case let wanted?: if current != wanted { return false }
            }
            if let customer, subscription["customer"]?.referencedID != customer { return false }
            if let price, !(subscription["items"]?["data"]?.arrayValue ?? []).contains(where: { $0["price"]?["id"]?.stringValue == price }) {
                return false
            }
            if let created, !created.contains(subscription["created"]?.intValue ?? 0) { return false }
            return true
        }
        return try listAnswer(page, schema: "subscription", query: query, url: "/v1/subscriptions")
    }

    func retrieveSubscription(_ request: EmulatorRequest, _ route: APIRoute) throws(APIError) -> EmulatorResponse {
        let query = try self.query(request, route)
        return Rendering.json(try render(try subscription(route.objectID), schema: "subscription",
                                         expand: try query.expandPaths()))
    }

    func updateSubscription(_ request: EmulatorRequest, _ route: APIRoute) throws(APIError) -> EmulatorResponse {
        let params = try body(request, route)
        guard var subscription = try subscription(route.objectID).objectValue else {
            throw APIError.missing("subscription", route.objectID, param: "subscription_exposed_id")
        }
        try requireNotCanceled(subscription)
        let before = subscription
        FormPatch(document: document).apply(params, fields: Self.subscriptionFields, to: &subscription, schema: "subscription")
        if let details = params["cancellation_details"] {
            var current = subscription["cancellation_details"]?.objectValue ?? [:]
            for key in ["comment", "feedback"] { if let value = details[key]?.string { current[key] = value.isEmpty ? .null : .string(value) } }
            subscription["cancellation_details"] = .object(current)
        }
        let cancelling = subscription["cancel_at_period_end"]?.boolValue == true
        subscription["cancel_at"] = cancelling ? (subscription["current_period_end"] ?? .null) : .null
        subscription["canceled_at"] = cancelling ? .time(configuration.now()) : .null
        let answer = try render(.object(subscription), schema: "subscription", expand: try params.expandPaths())
        storeSubscription(subscription, changedFrom: before)
        return Rendering.json(answer)
    }

    func cancelSubscription(_ request: EmulatorRequest, _ route: APIRoute) throws(APIError) -> EmulatorResponse {
        let params = try body(request, route)
        guard let subscription = try subscription(route.objectID).objectValue else {
            throw APIError.missing("subscription", route.objectID, param: "subscription_exposed_id")
        }
        try requireNotCanceled(subscription)
        var details = subscription["cancellation_details"]?.objectValue ?? [:]
        for key in ["comment", "feedback"] { if let value = params["cancellation_details"]?[key]?.string { details[key] = .string(value) } }
        let canceled = cancelNow(subscription, reason: "cancellation_requested", details: details)
        return Rendering.json(try render(.object(canceled), schema: "subscription", expand: try params.expandPaths()))
    }

    func listInvoices(_ request: EmulatorRequest, _ route: APIRoute) throws(APIError) -> EmulatorResponse {
        let query = try self.query(request, route)
        let customer = query["customer"]?.string
        let subscription = query["subscription"]?.string
        let status = query["status"]?.string
        let created = try query["created"].map { tree throws(APIError) in try CreatedRange(tree) }
        let page = try state.invoices.page(ListRequest(query)) { invoice in
            if let customer, invoice["customer"]?.referencedID != customer { return false }
            if let subscription, invoice["subscription"]?.referencedID != subscription { return false }
            if let status, invoice["status"]?.stringValue != status { return false }
            if let created, !created.contains(invoice["created"]?.intValue ?? 0) { return false }
            return true
        }
        return try listAnswer(page, schema: "invoice", query: query, url: "/v1/invoices")
    }

    func retrieveInvoice(_ request: EmulatorRequest, _ route: APIRoute) throws(APIError) -> EmulatorResponse {
        let query = try self.query(request, route)
        guard let invoice = state.invoices[route.objectID] else { throw APIError.missing("invoice", route.objectID, param: "invoice") }
        return Rendering.json(try render(invoice, schema: "invoice", expand: try query.expandPaths()))
    }

    // MARK: Lifecycle

    /// Starts the subscription a paid subscription-mode session asked for, with its first invoice, and sends
    /// `customer.subscription.created` and `invoice.paid`.
    func startSubscription(for session: CheckoutSession, customer: String) -> JSONObject {
        let data = state.subscriptionData[session.id]
        let trialDays = data?["trial_period_days"]?.stringValue.flatMap { Int($0) }
        var subscription = newSubscription(
            customer: customer, currency: session.currency, items: state.lineItems[session.id] ?? [], trialDays: trialDays,
            metadata: data?["metadata"], description: data?["description"]?.stringValue)
        let period = BillingPeriod(start: Date(timeIntervalSince1970: TimeInterval(subscription["current_period_start"]?.intValue ?? 0)),
                                   end: Date(timeIntervalSince1970: TimeInterval(subscription["current_period_end"]?.intValue ?? 0)))
        let invoice = newInvoice(for: subscription, period: period, reason: "subscription_create", trial: trialDays != nil, paid: true)
        subscription["latest_invoice"] = invoice["id"]
        EmulatorState.store(subscription, in: &state.subscriptions)
        EmulatorState.store(invoice, in: &state.invoices)
        emit("customer.subscription.created", object: nullFilled(.object(subscription), schema: "subscription"))
        emit("invoice.paid", object: nullFilled(.object(invoice), schema: "invoice"))
        return subscription
    }

    /// Bills the next period of a subscription, as Stripe does when a period ends: a paid invoice (`invoice.paid`,
    /// the subscription `active`) or a failed one (`invoice.payment_failed`, `past_due`). A subscription set to
    /// cancel at period end ends instead (`customer.subscription.deleted`).
    func renewSubscription(_ id: String, paid: Bool) throws(APIError) -> JSONObject {
        guard let subscription = try subscription(id).objectValue else { throw APIError.missing("subscription", id, param: "id") }
        try requireNotCanceled(subscription)
        if subscription["cancel_at_period_end"]?.boolValue == true {
            return cancelNow(subscription, reason: "cancellation_requested",
                             details: subscription["cancellation_details"]?.objectValue ?? [:])
        }
        let before = subscription
        var renewed = subscription
        let start = Date(timeIntervalSince1970: TimeInterval(subscription["current_period_end"]?.intValue ?? 0))
        let price = subscription["items"]?["data"]?.arrayValue?.first?["price"]?["recurring"]
        let period = BillingPeriod(start: start, interval: price?["interval"]?.stringValue ?? "month",
                                   count: price?["interval_count"]?.intValue ?? 1)
        let invoice = newInvoice(for: subscription, period: period, reason: "subscription_cycle", trial: false, paid: paid)
        renewed["current_period_start"] = .time(period.start)
        renewed["current_period_end"] = .time(period.end)
        renewed["billing_cycle_anchor"] = .time(period.end)
        renewed["latest_invoice"] = invoice["id"]
        renewed["status"] = .string(paid ? "active" : "past_due")
        EmulatorState.store(invoice, in: &state.invoices)
        emit(paid ? "invoice.paid" : "invoice.payment_failed", object: nullFilled(.object(invoice), schema: "invoice"))
        storeSubscription(renewed, changedFrom: before)
        return renewed
    }

    /// Ends a subscription now and sends `customer.subscription.deleted`.
    func cancelNow(_ subscription: JSONObject, reason: String, details: JSONObject) -> JSONObject {
        var canceled = subscription
        let now = JSONValue.time(configuration.now())
        canceled["status"] = .string("canceled")
        canceled["canceled_at"] = subscription["canceled_at"].flatMap { $0 == .null ? nil : $0 } ?? now
        canceled["ended_at"] = now
        var cancellation = details
        cancellation["reason"] = .string(reason)
        canceled["cancellation_details"] = .object(cancellation)
        EmulatorState.store(canceled, in: &state.subscriptions)
        emit("customer.subscription.deleted", object: nullFilled(.object(canceled), schema: "subscription"))
        return canceled
    }

    /// Stores a changed subscription and sends `customer.subscription.updated` with the fields' earlier values.
    func storeSubscription(_ subscription: JSONObject, changedFrom before: JSONObject) {
        EmulatorState.store(subscription, in: &state.subscriptions)
        var previous: JSONObject = [:]
        for (key, value) in before where subscription[key] != value { previous[key] = value }
        guard !previous.isEmpty else { return persist() }
        emit("customer.subscription.updated", object: nullFilled(.object(subscription), schema: "subscription"),
             previousAttributes: previous)
    }

    /// The held subscription with `id`, or Stripe's 404.
    func subscription(_ id: String) throws(APIError) -> JSONValue {
        guard let subscription = state.subscriptions[id] else {
            throw APIError.missing("subscription", id, param: "subscription_exposed_id")
        }
        return subscription
    }

    private func requireNotCanceled(_ subscription: JSONObject) throws(APIError) {
        guard subscription["status"]?.stringValue != "canceled" else {
            throw APIError.invalidRequest(
                "A canceled subscription can only update its cancellation_details and metadata; this one ended.")
        }
    }
}
#endif
