#if Emulator
import CheckoutEmulator
import Foundation
import StripeCheckout
import StripeRuntime
import Testing

@Suite("Checkout Session operations through the generated client")
struct SessionOperationsTests {
    @Test("create returns an open session shaped as Stripe's, with amounts from the line items")
    func create() async throws {
        try await withEmulator { emulator in
            let stripe = makeClient(emulator)
            let session = try await stripe.checkout.sessions.create(paymentParams(unitAmount: 1250, quantity: 3, reference: "order_42"))
            #expect(session.id.hasPrefix("cs_test_"))
            #expect(session.object == "checkout.session")
            #expect(session.status == .open)
            #expect(session.paymentStatus == .unpaid)
            #expect(session.mode == .payment)
            #expect(session.amountSubtotal == 3750)
            #expect(session.amountTotal == 3750)
            #expect(session.currency == "usd")
            #expect(session.clientReferenceID == "order_42")
            #expect(session.url == emulator.baseURL.absoluteString + "/c/pay/\(session.id)", "the checkout page is on the emulator")
            #expect(try #require(session.expiresAt).timeIntervalSince(session.created) == 24 * 60 * 60)
            #expect(session.livemode == false)
            #expect(session.lineItems == nil, "line items are only included when expanded")

            let raw = try await rawRequest(emulator, .get, "/v1/checkout/sessions/\(session.id)",
                                           headers: ["Authorization": "Bearer \(testAPIKey)"])
            let json = try #require(try JSONSerialization.jsonObject(with: raw.body) as? [String: Any])
            #expect(json["payment_intent"] is NSNull, "unset nullable fields are written as null, as Stripe does")
            #expect(json["customer"] is NSNull)
            #expect(json["line_items"] == nil, "fields that are not nullable stay absent until expanded")
            #expect(json["object"] as? String == "checkout.session")
        }
    }

    @Test("a price given by id must be known; known ones price the line")
    func pricesByID() async throws {
        try await withEmulator({ $0.prices = [EmulatorPrice(id: "price_basic", unitAmount: 990, productName: "Basic")] }) { emulator in
            let stripe = makeClient(emulator)
            var params = paymentParams()
            params.lineItems = [.init(price: "price_basic", quantity: 4)]
            params.expand = [.lineItems]
            let session = try await stripe.checkout.sessions.create(params)
            #expect(session.amountTotal == 3960)
            let line = try #require(session.lineItems?.data?.first)
            #expect(line.price?.id == "price_basic")
            #expect(line.description == "Basic")
            #expect(line.quantity == 4)

            params.lineItems = [.init(price: "price_unknown", quantity: 1)]
            let error = await #expect(throws: StripeError.self) { try await stripe.checkout.sessions.create(params) }
            #expect(error?.httpStatus == 400)
            #expect(error?.code == "resource_missing")
            #expect(error?.param == "line_items[0][price]")
        }
    }

    @Test("retrieve, with and without expanded line items")
    func retrieve() async throws {
        try await withEmulator { emulator in
            let stripe = makeClient(emulator)
            let created = try await stripe.checkout.sessions.create(paymentParams())
            let plain = try await stripe.checkout.sessions.retrieve(created.id)
            #expect(plain == created)
            let expanded = try await stripe.checkout.sessions.retrieve(created.id, .init(expand: [.lineItems]))
            let items = try #require(expanded.lineItems)
            #expect(items.data?.count == 1)
            #expect(items.data?.first?.amountTotal == 3000)
            #expect(items.url == "/v1/checkout/sessions/\(created.id)/line_items")

            let error = await #expect(throws: StripeError.self) { try await stripe.checkout.sessions.retrieve("cs_test_missing") }
            #expect(error?.httpStatus == 404)
            #expect(error?.code == "resource_missing")
        }
    }

    @Test("expire works once; expiring again is a 400")
    func expireTwice() async throws {
        try await withEmulator { emulator in
            let stripe = makeClient(emulator)
            let created = try await stripe.checkout.sessions.create(paymentParams())
            let expired = try await stripe.checkout.sessions.expire(created.id)
            #expect(expired.status == .expired)
            #expect(expired.url == nil)
            let error = await #expect(throws: StripeError.self) { try await stripe.checkout.sessions.expire(created.id) }
            #expect(error?.httpStatus == 400)
            #expect(error?.type == .invalidRequestError)
            #expect(try await stripe.checkout.sessions.retrieve(created.id).status == .expired)
        }
    }

    @Test("list line items pages through them in order")
    func lineItems() async throws {
        try await withEmulator { emulator in
            let stripe = makeClient(emulator)
            var params = paymentParams()
            params.lineItems = (1...15).map { index in
                .init(priceData: .init(currency: "usd", productData: .init(name: "Item \(index)"), unitAmount: index * 100), quantity: 1)
            }
            let session = try await stripe.checkout.sessions.create(params)
            #expect(session.amountTotal == (1...15).reduce(0) { $0 + $1 * 100 })
            let first = try await stripe.checkout.sessions.listLineItemsPage(session.id, .init(limit: 10))
            #expect(first.data.count == 10)
            #expect(first.hasMore)
            var all: [Item] = []
            for try await item in stripe.checkout.sessions.listLineItems(session.id, .init(limit: 4)) { all.append(item) }
            #expect(all.map(\.description) == (1...15).map { "Item \($0)" })
        }
    }

    @Test("list filters by customer_details[email] and by customer")
    func listFilters() async throws {
        try await withEmulator { emulator in
            let stripe = makeClient(emulator)
            let paid = try await stripe.checkout.sessions.create(paymentParams(email: "ada@example.com"))
            _ = try await stripe.checkout.sessions.create(paymentParams(email: "bob@example.com"))
            let known = try await stripe.customers.create(.init(email: "known@example.com"))
            var withCustomer = paymentParams()
            withCustomer.customer = known.id
            let forCustomer = try await stripe.checkout.sessions.create(withCustomer)
            try await emulator.complete(sessionID: paid.id)

            let byEmail = try await stripe.checkout.sessions.listPage(.init(customerDetails: .init(email: "ada@example.com")))
            #expect(byEmail.data.map(\.id) == [paid.id])
            let byCustomer = try await stripe.checkout.sessions.listPage(.init(customer: known.id))
            #expect(byCustomer.data.map(\.id) == [forCustomer.id])
            let completed = try await stripe.checkout.sessions.retrieve(paid.id)
            let intent = try #require(completed.paymentIntent?.id)
            let byIntent = try await stripe.checkout.sessions.listPage(.init(paymentIntent: intent))
            #expect(byIntent.data.map(\.id) == [paid.id])
            let none = try await stripe.checkout.sessions.listPage(.init(subscription: "sub_none"))
            #expect(none.data.isEmpty && !none.hasMore)
        }
    }

    @Test("auto-paging walks 250 sessions newest first, each once")
    func autoPaging() async throws {
        try await withEmulator { emulator in
            let stripe = makeClient(emulator)
            var created: [String] = []
            for index in 0..<250 {
                created.append(try await stripe.checkout.sessions.create(paymentParams(reference: "order_\(index)")).id)
            }
            var seen: [String] = []
            for try await session in stripe.checkout.sessions.list(.init(limit: 100)) {
                seen.append(session.id)
                if seen.count > 300 { break }
            }
            #expect(seen.count == 250)
            #expect(seen == created.reversed())

            let firstPage = try await stripe.checkout.sessions.listPage()
            #expect(firstPage.data.count == 10)
            #expect(firstPage.hasMore)
            #expect(firstPage.url == "/v1/checkout/sessions")
            let newer = try await stripe.checkout.sessions.listPage(.init(endingBefore: created[100], limit: 3))
            #expect(newer.data.map(\.id) == [created[103], created[102], created[101]])
            #expect(newer.hasMore)
        }
    }
}
#endif
