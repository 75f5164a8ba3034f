import Foundation

/// The shop's HTML pages: plain, keyboard-usable, no external assets.
enum ShopPages {
    /// What the order page says above the order, after a checkout answer that sent the customer back here.
    enum Notice: String {
        case alreadyPaid = "already-paid"
        case processing
    }

    /// The order page: what it holds, where its payment stands, the session it was sent to, and the checkout link
    /// while it is unpaid.
    static func order(_ order: OrderStore.Order, notice: Notice?) -> String {
        var body = "<h1>Order \(escape(order.id))</h1>\n"
        switch notice {
        case .alreadyPaid?: body += #"<p role="status" id="notice">This order is already paid. Nothing more to pay.</p>"#
        case .processing?: body += #"<p role="status" id="notice">Your payment is processing. We will confirm it soon.</p>"#
        case nil: break
        }
        body += """

        <dl>
          <dt>Item</dt><dd>\(escape(order.item)) × \(order.quantity)</dd>
          <dt>Total</dt><dd id="total">\(money(order.total))</dd>
          <dt>Status</dt><dd id="order-status">\(statusText(order.status))</dd>
        """
        if let session = order.checkoutSession {
            body += "\n  <dt>Checkout session</dt><dd><code id=\"session\">\(escape(session))</code></dd>"
        }
        if let paid = order.paidSession {
            body += "\n  <dt>Paid by</dt><dd><code id=\"paid-session\">\(escape(paid))</code></dd>"
        }
        body += "\n</dl>\n"
        if order.status == .pending || order.status == .paymentFailed {
            body += #"<p><a id="checkout" href="/orders/\#(escape(order.id))/checkout">Pay with Checkout</a></p>"# + "\n"
        }
        return page(title: "Order \(order.id)", body: body)
    }

    /// Where Checkout returns a customer who paid: the webhook, not this page, marks the order paid, so the page
    /// only says what the shop knows so far and refreshes while it waits.
    static func success(_ order: OrderStore.Order) -> String {
        let waiting = order.status == .pending
        let body = """
        <h1>Thank you</h1>
        <p role="status" id="notice">\(waiting ? "Waiting for the payment confirmation…" : statusText(order.status)).</p>
        <p><a href="/orders/\(escape(order.id))">Back to order \(escape(order.id))</a></p>

        """
        return page(title: "Order \(order.id)", body: body, refreshSeconds: waiting ? 1 : nil)
    }

    /// Where Checkout returns a customer who gave up: nothing was charged, and the order can still be paid.
    static func cancelled(_ order: OrderStore.Order) -> String {
        let body = """
        <h1>Checkout cancelled</h1>
        <p role="status" id="notice">Nothing was charged.</p>
        <p><a id="checkout" href="/orders/\(escape(order.id))/checkout">Pay with Checkout</a> ·
           <a href="/orders/\(escape(order.id))">Back to order \(escape(order.id))</a></p>

        """
        return page(title: "Order \(order.id)", body: body)
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
        "$\(cents / 100)." + (cents % 100 < 10 ? "0" : "") + "\(cents % 100)"
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
        a:focus { outline: 3px solid #1a56db; outline-offset: 2px; }
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
