#if Emulator
import CheckoutEmulator
import Foundation
import StripeCheckout
import StripeRuntime
import Testing

@Suite("The hosted checkout page at a session's url")
struct HostedCheckoutPageTests {
    /// Two lines: 2 × $15.00 T-shirts and one $12.50 item named `second`.
    private func twoLineParams(second: String = "Mug") -> CheckoutSessionsAPI.CreateParams {
        var params = paymentParams()
        params.lineItems = [
            .init(priceData: .init(currency: "usd", productData: .init(name: "T-shirt"), unitAmount: 1500), quantity: 2),
            .init(priceData: .init(currency: "usd", productData: .init(name: second), unitAmount: 1250), quantity: 1),
        ]
        return params
    }

    @Test("the url points at the emulator and serves the items, the total and both buttons without an API key")
    func pageShowsOrder() async throws {
        try await withEmulator { emulator in
            let session = try await makeClient(emulator).checkout.sessions.create(twoLineParams())
            let path = try checkoutPagePath(session.url, on: emulator)
            #expect(path == "/c/pay/\(session.id)")

            let page = try await browserRequest(emulator, .get, path)
            #expect(page.status == 200)
            #expect(page.headers["Content-Type"]?.hasPrefix("text/html") == true)
            let html = page.text
            #expect(html.contains("<html lang=\"en\">"))
            #expect(html.contains("<title>Checkout: $42.50</title>"))
            #expect(html.contains("<td class=\"item\">T-shirt</td><td class=\"num\">2</td><td class=\"num\">$30.00</td>"))
            #expect(html.contains("<td class=\"item\">Mug</td><td class=\"num\">1</td><td class=\"num\">$12.50</td>"))
            #expect(html.contains("<td id=\"total\" class=\"num\">$42.50</td>"))
            #expect(html.contains("<form method=\"post\" action=\"/c/pay/\(session.id)/pay\">"))
            #expect(html.contains("<button id=\"pay\" class=\"primary\" type=\"submit\">Pay $42.50</button>"))
            #expect(html.contains("<form method=\"post\" action=\"/c/pay/\(session.id)/cancel\">"))
            #expect(html.contains("<button id=\"cancel\""))
            #expect(html.contains("<label for=\"email\">") && html.contains("id=\"email\""))
            #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("<link"),
                    "the page has no scripts and no external assets")
        }
    }

    @Test("a zero-decimal currency is shown without decimals")
    func zeroDecimalCurrency() async throws {
        try await withEmulator { emulator in
            var params = paymentParams()
            params.lineItems = [.init(priceData: .init(currency: "jpy", productData: .init(name: "Tea"), unitAmount: 1500), quantity: 2)]
            let session = try await makeClient(emulator).checkout.sessions.create(params)
            let html = try await browserRequest(emulator, .get, try checkoutPagePath(session.url, on: emulator)).text
            #expect(html.contains("<td id=\"total\" class=\"num\">¥3,000</td>"))
        }
    }

    @Test("a hostile product name is escaped, not interpreted")
    func escapesHostileName() async throws {
        try await withEmulator { emulator in
            let hostile = #"<script>alert("x")</script> & 'Tee' <img src=x onerror=alert(1)>"#
            let session = try await makeClient(emulator).checkout.sessions.create(twoLineParams(second: hostile))
            let html = try await browserRequest(emulator, .get, try checkoutPagePath(session.url, on: emulator)).text
            #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Tee&#39; &lt;img src=x onerror=alert(1)&gt;"))
            #expect(!html.contains("<script"))
            #expect(!html.contains("<img"))
        }
    }

    @Test("Pay completes once, redirects to success_url with the id, and sends exactly one completed event")
    func payRedirectsOnce() async throws {
        let receiver = try WebhookReceiver()
        let url = try await receiver.start()
        defer { Task { await receiver.stop() } }
        try await withEmulator({ $0.webhookURL = url }) { emulator in
            let stripe = makeClient(emulator)
            let session = try await stripe.checkout.sessions.create(twoLineParams())
            let path = try checkoutPagePath(session.url, on: emulator)

            let paid = try await browserRequest(emulator, .post, path + "/pay", form: "email=ada%40example.com")
            #expect(paid.status == 303)
            #expect(paid.headers["Location"] == "https://shop.example/ok?session_id=\(session.id)")
            let after = try await stripe.checkout.sessions.retrieve(session.id)
            #expect(after.status == .complete)
            #expect(after.paymentStatus == .paid)
            #expect(after.customerDetails?.email == "ada@example.com")
            #expect(await eventually { receiver.deliveries.count == 1 })

            let again = try await browserRequest(emulator, .post, path + "/pay", form: "email=")
            #expect(again.status == 409)
            #expect(again.text.contains("<p id=\"session-status\" role=\"status\">This checkout has already been paid.</p>"))
            let shown = try await browserRequest(emulator, .get, path)
            #expect(shown.status == 200)
            #expect(shown.text.contains("id=\"session-status\""))
            #expect(!shown.text.contains("id=\"pay\""))

            try await Task.sleep(for: .milliseconds(300))
            let deliveries = await emulator.webhookDeliveries()
            #expect(deliveries.map(\.type) == ["checkout.session.completed"])
            #expect(receiver.deliveries.count == 1)
            #expect(try await stripe.checkout.sessions.retrieve(session.id).paymentIntent?.id == after.paymentIntent?.id)
        }
    }

    @Test("Pay for a session without a success_url (only a saved state can hold one) shows a page saying it was paid")
    func payWithoutSuccessURL() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("emulator-page-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let id = try await withEmulator({ $0.statePath = path }) { emulator in
            try await makeClient(emulator).checkout.sessions.create(paymentParams()).id
        }
        // The spec requires success_url on create; remove it from the saved session instead.
        try await SavedState.edit("sessions", id, at: path) { $0["success_url"] = nil }

        try await withEmulator({ $0.statePath = path }) { emulator in
            let paid = try await browserRequest(emulator, .post, "/c/pay/\(id)/pay")
            #expect(paid.status == 200)
            #expect(paid.text.contains("Your payment was received."))
            #expect(await emulator.sessions().first?.status == .complete)
        }
    }

    @Test("Cancel redirects to cancel_url and leaves the session open; without one, a page says so")
    func cancel() async throws {
        try await withEmulator { emulator in
            let stripe = makeClient(emulator)
            var params = paymentParams()
            params.cancelURL = "https://shop.example/cart?from=checkout"
            let session = try await stripe.checkout.sessions.create(params)
            let path = try checkoutPagePath(session.url, on: emulator)
            let cancelled = try await browserRequest(emulator, .post, path + "/cancel")
            #expect(cancelled.status == 303)
            #expect(cancelled.headers["Location"] == "https://shop.example/cart?from=checkout")
            let after = try await stripe.checkout.sessions.retrieve(session.id)
            #expect(after.status == .open)
            #expect(after.paymentStatus == .unpaid)
            #expect(try await browserRequest(emulator, .get, path).text.contains("id=\"pay\""), "it can still be paid")

            let plain = try await stripe.checkout.sessions.create(paymentParams())
            let page = try await browserRequest(emulator, .post, try checkoutPagePath(plain.url, on: emulator) + "/cancel")
            #expect(page.status == 200)
            #expect(page.text.contains("Checkout cancelled"))
        }
    }

    @Test("an expired session shows a page saying so and cannot be paid from it")
    func expiredSession() async throws {
        let clock = ManualClock()
        try await withEmulator({ $0.now = { clock.now } }) { emulator in
            let stripe = makeClient(emulator)
            var params = paymentParams()
            params.expiresAt = clock.now.addingTimeInterval(3600)
            let session = try await stripe.checkout.sessions.create(params)
            let path = try checkoutPagePath(session.url, on: emulator)
            clock.advance(by: 3601)

            let page = try await browserRequest(emulator, .get, path)
            #expect(page.status == 200)
            #expect(page.text.contains("<p id=\"session-status\" role=\"status\">This checkout has expired"))
            #expect(!page.text.contains("id=\"pay\""))
            let pay = try await browserRequest(emulator, .post, path + "/pay")
            #expect(pay.status == 409)
            #expect(pay.text.contains("This checkout has expired"))
            let after = try await stripe.checkout.sessions.retrieve(session.id)
            #expect(after.status == .expired)
            #expect(after.paymentIntent == nil)
        }
    }

    @Test("an unknown id is a 404 page, for the page and for paying")
    func unknownSession() async throws {
        try await withEmulator { emulator in
            let page = try await browserRequest(emulator, .get, "/c/pay/cs_test_unknown")
            #expect(page.status == 404)
            #expect(page.headers["Content-Type"]?.hasPrefix("text/html") == true)
            #expect(page.text.contains("Checkout not found"))
            #expect(try await browserRequest(emulator, .post, "/c/pay/cs_test_unknown/pay").status == 404)
            #expect(await emulator.sessions().isEmpty)
        }
    }
}
#endif
