import Foundation

/// The shop's HTML pages: plain, keyboard-usable, no external assets.
enum ShopPages {
    /// What the order page says above the order, after a checkout answer that sent the customer back here.
    enum Notice: String {
        case alreadyPaid = "already-paid"
        case processing
        case returned
    }

    /// The order page: what it holds, where its payment stands, the session it was sent to and that session's
    /// status on Stripe, a quantity form and the checkout link.
    static func order(_ order: OrderStore.Order, sessionStatus: String?, notice: Notice?) -> String {
        var body = "<h1>Order \(escape(order.id))</h1>\n"
        switch notice {
        case .alreadyPaid?:
            body += #"<p role="status" id="notice">This order is already paid. Nothing more to pay.</p>"# + "\n"
        case .processing?:
            body += #"<p role="status" id="notice">Your payment is processing. We will confirm it soon.</p>"# + "\n"
        case .returned?:
            body += order.status == .pending
                ? #"<p role="status" id="notice">Thank you. Waiting for the payment confirmation…</p>"# + "\n"
                : ""
        case nil:
            break
        }
        body += """
        <dl>
          <dt>Item</dt><dd>\(escape(order.item)) × \(order.quantity)</dd>
          <dt>Total</dt><dd id="total">\(money(order.total))</dd>
          <dt>Status</dt><dd id="order-status">\(statusText(order.status))</dd>
        """
        if let session = order.checkoutSession {
            body += "\n  <dt>Checkout session</dt><dd><code id=\"session\">\(escape(session))</code>"
                + (sessionStatus.map { " (<span id=\"session-status\">\(escape($0))</span>)" } ?? "") + "</dd>"
        }
        if let paid = order.paidSession {
            body += "\n  <dt>Paid by</dt><dd><code id=\"paid-session\">\(escape(paid))</code></dd>"
        }
        if !order.refundedSessions.isEmpty {
            body += "\n  <dt>Refunded double payments</dt><dd id=\"refunded\">"
                + order.refundedSessions.map { "<code>\(escape($0))</code>" }.joined(separator: ", ") + "</dd>"
        }
        body += "\n</dl>\n"
        if order.status == .paymentFailed {
            body += #"<p role="alert" id="payment-failed">The last payment did not go through. You can pay again.</p>"# + "\n"
        }
        if order.status == .pending || order.status == .paymentFailed {
            body += """
            <form method="post" action="/orders/\(escape(order.id))/cart">
              <label for="quantity">Quantity</label>
              <input id="quantity" name="quantity" type="number" min="1" max="99" value="\(order.quantity)">
              <button type="submit" id="update-cart">Update cart</button>
            </form>
            <p><a id="checkout" href="/orders/\(escape(order.id))/checkout">Pay with Checkout</a></p>

            """
        }
        let waiting = notice == .returned && order.status == .pending
        return page(title: "Order \(order.id)", body: body, refreshSeconds: waiting ? 1 : nil)
    }

    static func statusText(_ status: OrderStore.Status) -> String {
        switch status {
        case .pending: "Not paid"
        case .processing: "Payment processing"
        case .paid: "Paid"
        case .paymentFailed: "Payment failed"
        }
    }

    static func money(_ cents: Int) -> String {
        String(format: "$%d.%02d", cents / 100, cents % 100)
    }

    static func page(title: String, body: String, refreshSeconds: Int? = nil) -> String {
        let refresh = refreshSeconds.map { #"<meta http-equiv="refresh" content="\#($0)">"# + "\n" } ?? ""
        return """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        \(refresh)<title>\(escape(title)) · Demo shop</title>
        <style>
        body { font: 16px/1.5 system-ui, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
        dt { font-weight: 600; } dd { margin: 0 0 .5rem 0; }
        [role=status] { background: #eef6ee; border-left: 4px solid #2e7d32; padding: .5rem .75rem; }
        a, button { font: inherit; } a:focus, button:focus, input:focus { outline: 3px solid #1a56db; outline-offset: 2px; }
        </style>
        </head>
        <body>
        <main>
        \(body)</main>
        </body>
        </html>

        """
    }

    /// `text` safe inside HTML text and attribute values.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
