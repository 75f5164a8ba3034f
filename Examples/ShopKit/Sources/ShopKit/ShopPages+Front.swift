extension ShopPages {
    /// The front page: each product with its price and a form that starts an order of it.
    static func front(_ catalog: ShopCatalog) -> String {
        let mug = catalog.entry(.mug)
        let plan = catalog.entry(.plan)
        let body = """
        <h1>Demo shop</h1>
        <section aria-labelledby="mug">
          <h2 id="mug">\(escape(ShopProduct.mug.name))</h2>
          <p><span id="mug-price">\(money(mug.unitAmount))</span> each.</p>
          <form method="post" action="/orders">
            <input type="hidden" name="product" value="mug">
            <button type="submit" id="order-mug">Order mugs</button>
          </form>
        </section>
        <section aria-labelledby="plan">
          <h2 id="plan">\(escape(ShopProduct.plan.name))</h2>
          <p><span id="plan-price">\(money(plan.unitAmount))</span> a month, cancel any time.</p>
          <form method="post" action="/orders">
            <input type="hidden" name="product" value="plan">
            <label for="email">Email (optional)</label>
            <input id="email" name="email" type="email" autocomplete="email">
            <button type="submit" id="order-plan">Subscribe</button>
          </form>
        </section>

        """
        return page(title: "Welcome", body: body)
    }

    /// Where Checkout returns a customer who paid: the webhook, not this page, marks the order paid, so the page
    /// only says what the shop knows so far and refreshes while it waits.
    static func thanks(_ order: Order) -> String {
        let message: String
        switch order.status {
        case .pending: message = "Waiting for the payment confirmation…"
        case .processing: message = "Your payment is processing. We will confirm it soon."
        case .paid: message = order.product == .plan ? "You are subscribed." : "Your order is paid."
        case .paymentFailed: message = "The payment did not go through. You can pay again."
        }
        let body = """
        <h1>Thank you</h1>
        <p role="status" id="notice">\(message)</p>
        <p><a id="order-link" href="\(orderHref(order))">See order \(escape(order.id))</a></p>

        """
        return page(title: "Thank you", body: body, refreshSeconds: order.status == .pending ? 1 : nil)
    }

    /// Where Checkout returns a customer who gave up: nothing was charged, and the order can still be paid.
    static func cancelled(_ order: Order) -> String {
        var body = """
        <h1>Checkout cancelled</h1>
        <p role="status" id="notice">You left the checkout page. Nothing was charged.</p>

        """
        if order.isPayable {
            body += #"<p><a id="checkout" href="\#(orderHref(order))/checkout">Pay with Checkout</a></p>"# + "\n"
        }
        body += #"<p><a id="order-link" href="\#(orderHref(order))">Back to order \#(escape(order.id))</a></p>"# + "\n"
        return page(title: "Checkout cancelled", body: body)
    }

    /// A request the shop could not serve: what went wrong in the customer's words, and a way back.
    static func error(_ failure: ShopFailure) -> String {
        let (title, message, back): (String, String, String?) = switch failure {
        case .badRequest(let message, let back): ("That did not work", message, back)
        case .unavailable: ("Payments are unavailable", "We could not reach the payment service. Please try again.", nil)
        }
        let body = """
        <h1>\(escape(title))</h1>
        <p role="alert" id="error">\(escape(message))</p>
        <p><a id="back" href="\(escape(back ?? "/"))">\(back == nil ? "Back to the shop" : "Back")</a></p>

        """
        return page(title: title, body: body)
    }

    /// The order's page, as a link.
    static func orderHref(_ order: Order) -> String {
        escape("/orders/" + OrderID.segment(order.id))
    }
}
