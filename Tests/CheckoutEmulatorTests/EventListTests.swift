#if Emulator
import CheckoutEmulator
import Foundation
import StripeCheckout
import StripeRuntime
import Testing

@Suite("The events list: what was sent, to catch up on missed webhooks")
struct EventListTests {
    @Test("every event sent is listed newest first, by type or types, and retrieved by id")
    func eventsAreKept() async throws {
        try await withEmulator { emulator in
            let stripe = makeClient(emulator)
            var params = paymentParams(reference: "order_7")
            params.customerCreation = .always
            let session = try await stripe.checkout.sessions.create(params)
            _ = try await emulator.complete(sessionID: session.id)
            let other = try await stripe.checkout.sessions.create(paymentParams())
            _ = try await stripe.checkout.sessions.expire(other.id)

            let all = try await stripe.events.listPage()
            #expect(all.data.map(\.type?.rawValue) == ["checkout.session.expired", "checkout.session.completed", "customer.created"])
            let completed = try await stripe.events.listPage(.init(type: "checkout.session.completed"))
            #expect(completed.data.count == 1)
            #expect(completed.data.first?.data?.object["client_reference_id"] == .string("order_7"))
            #expect(completed.data.first?.data?.object["id"] == .string(session.id))
            #expect(try await stripe.events.listPage(.init(type: "checkout.session.*")).data.count == 2)
            #expect(try await stripe.events.listPage(.init(types: ["customer.created", "checkout.session.expired"])).data.count == 2)
            let first = try #require(all.data.last)
            #expect(try await stripe.events.retrieve(first.id).id == first.id)
            let page = try await stripe.events.listPage(.init(limit: 1, startingAfter: all.data[0].id))
            #expect(page.data.map(\.id) == [all.data[1].id])
            #expect(page.hasMore == true)
            let missing = await #expect(throws: StripeError.self) { try await stripe.events.retrieve("evt_missing") }
            #expect(missing?.httpStatus == 404)
        }
    }
}
#endif
