#if Emulator
import CheckoutEmulator
import Foundation
import StripeCheckout
import StripeRuntime
import Testing

@Suite("Customers through the API and the customers a checkout makes")
struct CustomerTests {
    @Test("create, retrieve, update (metadata merges), list by email, delete")
    func lifecycle() async throws {
        try await withEmulator { emulator in
            let stripe = makeClient(emulator)
            let ada = try await stripe.customers.create(.init(email: "ada@example.com", metadata: .set(["plan": "pro", "ref": "7"]),
                                                              name: "Ada"))
            #expect(ada.id.hasPrefix("cus_"))
            #expect(ada.email == "ada@example.com")
            _ = try await stripe.customers.create(.init(email: "bob@example.com"))
            let updated = try await stripe.customers.update(ada.id, .init(metadata: .set(["plan": "", "team": "a"]), name: "Ada L."))
            #expect(updated.name == "Ada L.")
            #expect(updated.metadata == ["ref": "7", "team": "a"], "an empty value removes a key, others stay")
            #expect(try await stripe.customers.listPage(.init(email: "ada@example.com")).data.map(\.id) == [ada.id])
            guard case .customer(let fetched) = try await stripe.customers.retrieve(ada.id) else {
                Issue.record("a live customer retrieves as a customer")
                return
            }
            #expect(fetched.name == "Ada L.")

            let deleted = try await stripe.customers.delete(ada.id)
            #expect(deleted.deleted == true)
            #expect(deleted.id == ada.id)
            guard case .deletedCustomer(let gone) = try await stripe.customers.retrieve(ada.id) else {
                Issue.record("a deleted customer retrieves as deleted")
                return
            }
            #expect(gone.id == ada.id)
            #expect(try await stripe.customers.listPage(.init(email: "ada@example.com")).data.isEmpty)
            let again = await #expect(throws: StripeError.self) { try await stripe.customers.update(ada.id, .init(name: "x")) }
            #expect(again?.httpStatus == 404)
        }
    }

    @Test("a session for an unknown customer is refused; a known customer's session completes with it")
    func sessionForACustomer() async throws {
        try await withEmulator { emulator in
            let stripe = makeClient(emulator)
            var params = paymentParams()
            params.customer = "cus_missing"
            let unknown = await #expect(throws: StripeError.self) { try await stripe.checkout.sessions.create(params) }
            #expect(unknown?.httpStatus == 404)
            #expect(unknown?.param == "customer")

            let ada = try await stripe.customers.create(.init(email: "ada@example.com"))
            params.customer = ada.id
            let session = try await stripe.checkout.sessions.create(params)
            let paid = try await emulator.complete(sessionID: session.id)
            #expect(paid.customer?.id == ada.id)
            #expect(paid.customerDetails?.email == "ada@example.com", "the customer's email fills the checkout")
            #expect(try await stripe.customers.listPage().data.count == 1, "no second customer is made")
        }
    }

    @Test("customer_creation=always makes a customer when the session completes, with the email paid with")
    func customerCreationAlways() async throws {
        try await withEmulator { emulator in
            let stripe = makeClient(emulator)
            var params = paymentParams()
            params.customerCreation = .always
            let session = try await stripe.checkout.sessions.create(params)
            let paid = try await emulator.complete(sessionID: session.id, email: "new@example.com")
            let customerID = try #require(paid.customer?.id)
            guard case .customer(let customer) = try await stripe.customers.retrieve(customerID) else {
                Issue.record("the customer exists")
                return
            }
            #expect(customer.email == "new@example.com")

            let guest = try await stripe.checkout.sessions.create(paymentParams())
            #expect(try await emulator.complete(sessionID: guest.id).customer == nil, "if_required makes no customer for a payment")
        }
    }
}

@Suite("Parameters the emulator does not act on are refused, not ignored")
struct UnemulatedParameterTests {
    @Test("a spec-valid parameter the emulator would ignore is a 400 naming it; nothing is stored")
    func refusedNotIgnored() async throws {
        try await withEmulator { emulator in
            let stripe = makeClient(emulator)
            let refused = await #expect(throws: StripeError.self) {
                try await stripe.customers.create(.init(email: "x@example.com", paymentMethod: "pm_card_visa"))
            }
            #expect(refused?.httpStatus == 400)
            #expect(refused?.param == "payment_method")
            #expect(refused?.message.contains("does not act on") == true)
            let customers = try await stripe.customers.listPage()
            #expect(customers.data.isEmpty)
            let tiers = await #expect(throws: StripeError.self) {
                try await stripe.prices.create(.init(currency: "usd", productData: .init(name: "Tiered"), tiersMode: .graduated))
            }
            #expect(tiers?.param == "tiers_mode")
        }
    }
}
#endif
