#if Emulator
import Foundation
import StripeRuntime

/// The billing portal page a portal session's `url` leads to: the customer's subscriptions, each with its plan,
/// status and period, and buttons to cancel it at the end of the period (`id="cancel-at-period-end-N"`) or now
/// (`id="cancel-now-N"`); a link back to the shop (`id="return"`). Every value is escaped.
enum PortalPage {
    /// The page's address for portal session `id` on an emulator answering at `base`.
    static func url(for id: String, base: URL) -> String {
        var text = base.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        return text + "/p/session/" + id
    }

    /// The page of `session` listing `subscriptions`, each with the name of what it sells (its product's).
    static func page(session: JSONValue, subscriptions: [(subscription: JSONValue, product: String)]) -> String {
        let id = HTMLDocument.escape(session["id"]?.stringValue ?? "")
        var main = "<h1>Your subscriptions</h1>\n"
        if subscriptions.isEmpty {
            main += "<p id=\"no-subscriptions\">You have no subscriptions.</p>\n"
        }
        for (index, (subscription, product)) in subscriptions.enumerated() {
            let number = index + 1
            let subscriptionID = HTMLDocument.escape(subscription["id"]?.stringValue ?? "")
            let status = subscription["status"]?.stringValue ?? "unknown"
            let endsAtPeriodEnd = subscription["cancel_at_period_end"]?.boolValue == true
            main += "<section aria-labelledby=\"plan-\(number)\">\n"
            main += "<h2 id=\"plan-\(number)\">\(HTMLDocument.escape(planName(subscription, product: product)))</h2>\n"
            main += "<p id=\"subscription-status-\(number)\">\(HTMLDocument.escape(statusText(status, endsAtPeriodEnd: endsAtPeriodEnd)))"
            if let end = subscription["current_period_end"]?.intValue, status != "canceled" {
                main += endsAtPeriodEnd ? ", ends on " : ", renews on "
                main += HTMLDocument.escape(day(end))
            }
            main += "</p>\n"
            if status != "canceled" && !endsAtPeriodEnd {
                main += """
                <form method="post" action="/p/session/\(id)/subscriptions/\(subscriptionID)/cancel">
                <input type="hidden" name="when" value="period_end">
                <button type="submit" class="secondary" id="cancel-at-period-end-\(number)">Cancel at the end of the period</button>
                </form>
                <form method="post" action="/p/session/\(id)/subscriptions/\(subscriptionID)/cancel">
                <input type="hidden" name="when" value="now">
                <button type="submit" class="secondary" id="cancel-now-\(number)">Cancel now</button>
                </form>

                """
            }
            main += "</section>\n"
        }
        if let returnURL = session["return_url"]?.stringValue {
            main += "<p><a id=\"return\" href=\"\(HTMLDocument.escape(returnURL))\">Return to the shop</a></p>\n"
        }
        return HTMLDocument.page(title: "Your subscriptions", main: main)
    }

    /// The product's name, with the subscription's first price per period.
    private static func planName(_ subscription: JSONValue, product name: String) -> String {
        guard let price = subscription["items"]?["data"]?.arrayValue?.first?["price"] else { return name }
        guard let amount = price["unit_amount"]?.intValue, let currency = price["currency"]?.stringValue else { return name }
        let interval = price["recurring"]?["interval"]?.stringValue ?? "period"
        return "\(name): \(MoneyFormat.string(amount, currency: currency)) per \(interval)"
    }

    private static func statusText(_ status: String, endsAtPeriodEnd: Bool) -> String {
        switch status {
        case "active": endsAtPeriodEnd ? "Active, cancelled" : "Active"
        case "trialing": endsAtPeriodEnd ? "On trial, cancelled" : "On trial"
        case "past_due": "Payment past due"
        case "canceled": "Cancelled"
        default: status
        }
    }

    private static func day(_ seconds: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "d MMMM yyyy"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
#endif
