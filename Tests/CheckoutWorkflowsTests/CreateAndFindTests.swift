#if Emulator
import CheckoutEmulator
import CheckoutWorkflows
import StripeCheckout
import StripeRuntime
import Testing

@Suite("Order references and finding sessions for an order")
struct CreateAndFindTests {
    @Test("a reference over 200 characters is rejected before any request")
    func referenceTooLong() async throws {
        #expect(throws: StripeError.self) { try OrderReference(String(repeating: "r", count: 201)) }
        #expect(throws: StripeError.self) { try OrderReference("") }
        let ok = try OrderReference(String(repeating: "r", count: 200))
        #expect(ok.value.count == 200)
        do {
            _ = try OrderReference(String(repeating: "r", count: 201))
        } catch let error as StripeError {
            #expect(error.param == "client_reference_id")
            #expect(error.kind == .invalidParameter)
        }
    }

    @Test("finding by reference pages through the list, matches locally, and stops at the first match")
    func findByReference() async throws {
        let harness = try await WorkflowHarness.start()
        let target = try OrderReference("order-needle")
        _ = try await harness.stripe.checkout.sessions.create(orderParams(reference: target.value))
        // 150 newer sessions of other orders push the match onto the second page of 100.
        for index in 0..<150 {
            _ = try await harness.stripe.checkout.sessions.create(orderParams(reference: "order-\(index)"))
        }
        let before = await harness.emulator.requestCount(method: "GET", path: "/v1/checkout/sessions")
        let found = try await harness.workflows.firstSession(for: target)
        let afterFirst = await harness.emulator.requestCount(method: "GET", path: "/v1/checkout/sessions")
        var all: [String] = []
        for try await session in harness.workflows.sessions(for: try OrderReference("order-7")) { all.append(session.id) }
        let missing = try await harness.workflows.firstSession(for: try OrderReference("order-none"))
        await harness.stop()
        #expect(found?.clientReferenceID == "order-needle")
        #expect(afterFirst - before == 2, "two pages of 100 were enough")
        #expect(all.count == 1)
        #expect(missing == nil)
    }
}
#endif
