#if Emulator
import CheckoutEmulator
import Foundation
import StripeCheckout
import StripeRuntime
import Testing

@Suite("State kept in a file survives a restart")
struct PersistenceTests {
    @Test("sessions, prices, line items and idempotency keys come back after a restart")
    func restart() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("emulator-state-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let statePath = folder.appendingPathComponent("state.json").path
        let configure: (inout EmulatorConfiguration) -> Void = { $0.statePath = statePath }

        let (createdID, expiredID) = try await withEmulator(configure) { emulator in
            try await emulator.addPrice(EmulatorPrice(id: "price_kept", unitAmount: 700))
            let stripe = makeClient(emulator)
            var params = paymentParams()
            params.lineItems = [.init(price: "price_kept", quantity: 2)]
            let created = try await stripe.checkout.sessions.create(params, options: .init(idempotencyKey: "kept-1"))
            let other = try await stripe.checkout.sessions.create(paymentParams())
            _ = try await stripe.checkout.sessions.expire(other.id)
            return (created.id, other.id)
        }
        #expect(FileManager.default.fileExists(atPath: statePath))

        try await withEmulator(configure) { emulator in
            let stripe = makeClient(emulator)
            let page = try await stripe.checkout.sessions.listPage()
            #expect(page.data.map(\.id) == [expiredID, createdID])
            #expect(page.data.first?.status == .expired)
            let items = try await stripe.checkout.sessions.listLineItemsPage(createdID)
            #expect(items.data.first?.amountTotal == 1400)

            var params = paymentParams()
            params.lineItems = [.init(price: "price_kept", quantity: 2)]
            let replay = try await stripe.send(.post, "/v1/checkout/sessions", params: params, options: .init(idempotencyKey: "kept-1"))
            #expect(replay.headers["Idempotent-Replayed"] == "true")
            params.lineItems = [.init(price: "price_kept", quantity: 5)]
            let fresh = try await stripe.checkout.sessions.create(params)
            #expect(fresh.amountTotal == 3500)
            #expect(await emulator.sessions().count == 3)
        }
    }

    @Test("a corrupt state file stops the start with an error instead of losing data")
    func corruptFile() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("emulator-bad-\(UUID().uuidString).json").path
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        await #expect(throws: EmulatorStartError.self) {
            try await withEmulator({ $0.statePath = path }) { _ in }
        }
    }
}
#endif
