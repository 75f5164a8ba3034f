#if Emulator
import Foundation
import StripeCheckout
import StripeRuntime

/// The subscriptions and invoices the emulator makes, written as Stripe writes them: a subscription with one item per
/// recurring line item of the session that started it, and an invoice per billing period with one line per item.
extension CheckoutEngine {
    /// A new subscription of `customer` for the recurring `items` of a paid session, `active` from now, or `trialing`
    /// for `trialDays` first.
    func newSubscription(customer: String, currency: String?, items: [Item], trialDays: Int?,
                         metadata: JSONValue?, description: String?) -> JSONObject {
        let id = ObjectID.make("sub_", length: 14)
        let now = Date(timeIntervalSince1970: configuration.now().timeIntervalSince1970.rounded(.down))
        let recurring = items.filter { $0.price?.recurring != nil }
        let first = recurring.first?.price?.recurring
        let period = trialDays.map { BillingPeriod(start: now, end: now.addingTimeInterval(TimeInterval($0) * 86400)) }
            ?? BillingPeriod(start: now, interval: first?.interval?.rawValue ?? "month", count: first?.intervalCount ?? 1)
        let subscriptionItems: [JSONValue] = recurring.map { item in
            .object([
                "id": .string(ObjectID.make("si_", length: 14)), "object": .string("subscription_item"),
                "created": .time(now), "metadata": .object([:]), "price": .encoding(item.price),
                "quantity": .int(item.quantity), "subscription": .string(id), "tax_rates": .array([]),
            ])
        }
        return [
            "id": .string(id), "object": .string("subscription"), "automatic_tax": .object(["enabled": .bool(false)]),
            "billing_cycle_anchor": .time(period.end), "cancel_at_period_end": .bool(false),
            "cancellation_details": .object(["comment": .null, "feedback": .null, "reason": .null]),
            "collection_method": .string("charge_automatically"), "created": .time(now), "currency": .text(currency),
            "current_period_end": .time(period.end), "current_period_start": .time(period.start),
            "customer": .string(customer), "default_payment_method": .string(ObjectID.make("pm_")),
            "default_tax_rates": .array([]), "description": .text(description),
            "items": .object(["object": .string("list"), "data": .array(subscriptionItems), "has_more": .bool(false),
                              "total_count": .int(subscriptionItems.count),
                              "url": .string("/v1/subscription_items?subscription=\(id)")]),
            "livemode": .bool(false), "metadata": metadata ?? .object([:]), "start_date": .time(now),
            "status": .string(trialDays == nil ? "active" : "trialing"),
            "trial_end": trialDays == nil ? .null : .time(period.end), "trial_start": trialDays == nil ? .null : .time(now),
            "trial_settings": .object(["end_behavior": .object(["missing_payment_method": .string("create_invoice")])]),
        ]
    }

    /// An invoice of `subscription` for `period`, paid or left open after a failed attempt. A trial's invoice is for
    /// nothing and paid.
    func newInvoice(for subscription: JSONObject, period: BillingPeriod, reason: String, trial: Bool,
                    paid: Bool) -> JSONObject {
        let id = ObjectID.make("in_")
        let subscriptionID = subscription["id"]?.stringValue ?? ""
        let currency = subscription["currency"] ?? .null
        var total = 0
        var lines: [JSONValue] = []
        for case .object(let item) in subscription["items"]?["data"]?.arrayValue ?? [] {
            let quantity = item["quantity"]?.intValue ?? 1
            let unit = trial ? 0 : (item["price"]?["unit_amount"]?.intValue ?? 0)
            let amount = unit * quantity
            total += amount
            lines.append(.object([
                "id": .string(ObjectID.make("il_")), "object": .string("line_item"), "amount": .int(amount),
                "amount_excluding_tax": .int(amount), "currency": currency,
                "description": .string("\(quantity) × \(item["price"]?["nickname"]?.stringValue ?? "subscription")"),
                "discount_amounts": .array([]), "discountable": .bool(true), "discounts": .array([]),
                "livemode": .bool(false), "metadata": .object([:]),
                "period": .object(["start": .time(period.start), "end": .time(period.end)]),
                "price": item["price"] ?? .null, "proration": .bool(false),
                "proration_details": .object(["credited_items": .null]), "quantity": .int(quantity),
                "subscription": .string(subscriptionID), "subscription_item": item["id"] ?? .null,
                "tax_amounts": .array([]), "tax_rates": .array([]), "type": .string("subscription"),
                "unit_amount_excluding_tax": .string(String(unit)),
            ]))
        }
        let settled = paid || total == 0
        let now = JSONValue.time(configuration.now())
        return [
            "id": .string(id), "object": .string("invoice"), "amount_due": .int(total), "amount_paid": .int(settled ? total : 0),
            "amount_remaining": .int(settled ? 0 : total), "amount_shipping": .int(0), "attempt_count": .int(1),
            "attempted": .bool(true), "auto_advance": .bool(!settled),
            "automatic_tax": .object(["enabled": .bool(false), "status": .null]), "billing_reason": .string(reason),
            "collection_method": .string("charge_automatically"), "created": now, "currency": currency,
            "customer": subscription["customer"] ?? .null, "default_tax_rates": .array([]), "discounts": .array([]),
            "lines": .object(["object": .string("list"), "data": .array(lines), "has_more": .bool(false),
                              "url": .string("/v1/invoices/\(id)/lines")]),
            "livemode": .bool(false), "metadata": .object([:]), "paid": .bool(settled), "paid_out_of_band": .bool(false),
            "payment_settings": .object(["default_mandate": .null, "payment_method_options": .null,
                                         "payment_method_types": .null]),
            "period_end": .time(period.end), "period_start": .time(period.start),
            "post_payment_credit_notes_amount": .int(0), "pre_payment_credit_notes_amount": .int(0),
            "starting_balance": .int(0), "status": .string(settled ? "paid" : "open"),
            "status_transitions": .object(["finalized_at": now, "marked_uncollectible_at": .null,
                                           "paid_at": settled ? now : .null, "voided_at": .null]),
            "subscription": .string(subscriptionID), "subtotal": .int(total), "subtotal_excluding_tax": .int(total),
            "total": .int(total), "total_excluding_tax": .int(total), "total_tax_amounts": .array([]),
        ]
    }
}
#endif
