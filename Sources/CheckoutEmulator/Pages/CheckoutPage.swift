#if Emulator
import Foundation
import StripeCheckout

/// The hosted checkout page a session's `url` leads to, and the pages around it: what the
/// customer buys with two buttons (Pay, Cancel), and what they see once the session is paid,
/// expired, cancelled or unknown. Every value from a request is escaped.
enum CheckoutPage {
    /// The page's address for session `id` on an emulator answering at `base`.
    static func url(for id: String, base: URL) -> String {
        var text = base.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        return text + "/c/pay/" + id
    }

    /// `template` (a `success_url`) with `{CHECKOUT_SESSION_ID}` replaced by `id`, percent-encoded.
    static func successLocation(_ template: String, sessionID id: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let encoded = id.addingPercentEncoding(withAllowedCharacters: allowed) ?? id
        return template
            .replacingOccurrences(of: "{CHECKOUT_SESSION_ID}", with: encoded)
            .replacingOccurrences(of: "%7BCHECKOUT_SESSION_ID%7D", with: encoded)
    }

    /// The page of an open session: its items, the total, an email field and the two buttons.
    static func payable(_ session: CheckoutSession, items: [Item]) -> String {
        let id = HTMLDocument.escape(session.id)
        let currency = session.currency ?? items.first?.currency ?? "usd"
        let total = session.amountTotal.map { MoneyFormat.string($0, currency: currency) }
        let payLabel = total.map { "Pay \($0)" } ?? "Confirm"
        let email = HTMLDocument.escape(session.customerEmail ?? "")
        let main = """
            <h1>Checkout</h1>
            \(summary(items, total: total))
            <h2>Payment</h2>
            <form method="post" action="/c/pay/\(id)/pay">
            <label for="email">Email for the receipt</label>
            <input id="email" name="email" type="email" autocomplete="email" value="\(email)">
            <button id="pay" class="primary" type="submit">\(HTMLDocument.escape(payLabel))</button>
            </form>
            <form method="post" action="/c/pay/\(id)/cancel">
            <button id="cancel" class="secondary" type="submit">Cancel</button>
            </form>
            """
        return HTMLDocument.page(title: total.map { "Checkout: \($0)" } ?? "Checkout", main: main)
    }

    /// The page of a session that can no longer be paid, saying why.
    static func notPayable(_ session: CheckoutSession) -> String {
        let heading: String
        let message: String
        var back: String?
        switch (session.status, session.paymentStatus) {
        case (.complete?, .paid):
            (heading, message, back) = ("Already paid", "This checkout has already been paid.", session.successURL)
        case (.complete?, .unpaid):
            (heading, message, back) = ("Payment processing",
                                        "This checkout is complete; its payment is still being processed.",
                                        session.successURL)
        case (.complete?, _):
            (heading, message, back) = ("Already complete", "This checkout is already complete.", session.successURL)
        case (.expired?, _):
            (heading, message, back) = ("Checkout expired",
                                        "This checkout has expired and can no longer be paid. Nothing was charged.",
                                        session.cancelURL)
        default:
            (heading, message) = ("Checkout unavailable", "This checkout cannot be paid.")
        }
        let location = back.flatMap { url in
            RedirectURLCheck.isAcceptable(url) ? successLocation(url, sessionID: session.id) : nil
        }
        return statusPage(heading, message, link: location.map { ($0, "Return to the shop") })
    }

    /// What a paid session without a `success_url` shows.
    static func paid(_ session: CheckoutSession) -> String {
        let message = session.paymentStatus == .unpaid
            ? "Thank you. Your order is placed; the payment is being processed."
            : "Thank you. Your payment was received. You can close this page."
        return statusPage("Payment complete", message, link: nil)
    }

    /// What cancelling shows when the session has no `cancel_url`.
    static func cancelled(_ session: CheckoutSession) -> String {
        statusPage("Checkout cancelled", "Nothing was charged. The checkout stays open until it expires.",
                   link: ("/c/pay/\(session.id)", "Back to checkout"))
    }

    /// The page for an id the emulator does not hold.
    static func notFound(_ id: String) -> String {
        statusPage("Checkout not found", "There is no checkout session with the id \(id).", link: nil)
    }

    /// A short link target after a redirect, for clients that show the body.
    static func redirecting(to location: String) -> String {
        HTMLDocument.page(title: "Redirecting", main: """
            <h1>Redirecting</h1>
            <p><a href="\(HTMLDocument.escape(location))">Continue</a></p>
            """)
    }

    // MARK: Parts

    private static func summary(_ items: [Item], total: String?) -> String {
        guard let total else {
            return "<p>Nothing is charged now; confirming saves the payment details for later.</p>"
        }
        let rows = items.map { item in
            """
            <tr><td class="item">\(HTMLDocument.escape(item.description ?? ""))</td>\
            <td class="num">\(item.quantity ?? 1)</td>\
            <td class="num">\(MoneyFormat.string(item.amountTotal ?? 0, currency: item.currency ?? "usd"))</td></tr>
            """
        }.joined(separator: "\n")
        return """
            <h2 id="summary">Order summary</h2>
            <table aria-labelledby="summary">
            <thead><tr><th scope="col">Item</th><th scope="col" class="num">Quantity</th>\
            <th scope="col" class="num">Amount</th></tr></thead>
            <tbody>
            \(rows)
            </tbody>
            <tfoot><tr><th scope="row" colspan="2">Total</th><td id="total" class="num">\(HTMLDocument.escape(total))</td></tr></tfoot>
            </table>
            """
    }

    private static func statusPage(_ heading: String, _ message: String, link: (href: String, text: String)?) -> String {
        var main = """
            <h1>\(HTMLDocument.escape(heading))</h1>
            <p id="session-status" role="status">\(HTMLDocument.escape(message))</p>
            """
        if let link, isSafeLink(link.href) {
            main += "\n<p><a href=\"\(HTMLDocument.escape(link.href))\">\(HTMLDocument.escape(link.text))</a></p>"
        }
        return HTMLDocument.page(title: heading, main: main)
    }

    /// Only web addresses and our own paths become links; `javascript:` and the like never do.
    private static func isSafeLink(_ href: String) -> Bool {
        if href.hasPrefix("/") && !href.hasPrefix("//") { return true }
        let scheme = URL(string: href)?.scheme?.lowercased()
        return scheme == "http" || scheme == "https"
    }
}
#endif
