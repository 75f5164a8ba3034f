extension ShopPages {
    /// The order page: what it holds, where its payment stands, what the customer can do next, and for a plan
    /// its subscription with a link to manage it.
    static func order(_ order: Order, subscription: SubscriptionSummary?, notice: Notice?) -> String {
        let href = orderHref(order)
        var body = "<h1>Order \(escape(order.id))</h1>\n"
        switch notice {
        case .alreadyPaid?:
            body += #"<p role="status" id="notice">This order is already paid. Nothing more to pay.</p>"# + "\n"
        case .processing?:
            body += #"<p role="status" id="notice">Your payment is processing. We will confirm it soon.</p>"# + "\n"
        case nil:
            break
        }
        let item = order.product == .plan ? "\(escape(order.item)), monthly" : "\(escape(order.item)) × \(order.quantity)"
        let total = money(order.total) + (order.product == .plan ? " a month" : "")
        body += """
        <dl>
          <dt>Item</dt><dd id="item">\(item)</dd>
          <dt>Total</dt><dd id="total">\(total)</dd>
          <dt>Status</dt><dd id="order-status">\(statusText(order))</dd>
        </dl>

        """
        if !order.refundedSessions.isEmpty {
            body += #"<p role="status" id="refunded">This order was paid twice; the second payment was refunded.</p>"#
                + "\n"
        }
        if order.status == .paymentFailed {
            body += #"<p role="alert" id="payment-failed">The last payment did not go through. You can pay again.</p>"#
                + "\n"
        }
        if order.isPayable {
            if order.product == .mug {
                body += """
                <form method="post" action="\(href)/cart">
                  <label for="quantity">Quantity</label>
                  <input id="quantity" name="quantity" type="number" min="1" max="99" value="\(order.quantity)">
                  <button type="submit" id="update-cart">Update cart</button>
                </form>

                """
            }
            let action = order.product == .plan ? "Subscribe with Checkout" : "Pay with Checkout"
            body += #"<p><a id="checkout" href="\#(href)/checkout">\#(action)</a></p>"# + "\n"
        }
        if let subscription {
            body += subscriptionSection(subscription, href: href, canManage: order.customer != nil)
        }
        return page(title: "Order \(order.id)", body: body)
    }

    private static func subscriptionSection(_ subscription: SubscriptionSummary, href: String, canManage: Bool) -> String {
        var section = """
        <section aria-labelledby="subscription">
          <h2 id="subscription">Your subscription</h2>
          <p>Status: <span id="subscription-status">\(subscriptionText(subscription.status))</span></p>

        """
        if let end = subscription.periodEnd, subscription.status != "canceled" {
            let verb = subscription.cancelsAtPeriodEnd ? "Ends on" : "Renews on"
            section += #"  <p id="period-end">\#(verb) \#(day(end)).</p>"# + "\n"
        }
        if canManage {
            section += #"  <p><a id="manage-subscription" href="\#(href)/subscription">Manage subscription</a></p>"# + "\n"
        }
        return section + "</section>\n"
    }

    static func statusText(_ order: Order) -> String {
        switch order.status {
        case .pending: "Not paid"
        case .processing: "Payment processing"
        case .paid: order.product == .plan ? "Subscribed" : "Paid"
        case .paymentFailed: "Payment failed"
        }
    }

    static func subscriptionText(_ status: String) -> String {
        switch status {
        case "active": "Active"
        case "trialing": "Trial"
        case "past_due": "Payment overdue"
        case "canceled": "Canceled"
        case "unpaid": "Unpaid"
        case "incomplete", "incomplete_expired": "Not started"
        case "paused": "Paused"
        default: status
        }
    }
}
