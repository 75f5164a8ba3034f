import Foundation
import ShopKit
import Testing

/// The shop's orders in an SQLite file: kept across a reopen, and changed one transaction at a time by every store
/// on the file, however their calls interleave.
@Suite("The shop's orders on SQLite")
struct OrderStoreTests {
    @Test("two stores on one file, 40 changes at once each: every change lands, and a reopened store sees them")
    func concurrentChangesAndReopen() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shop-orders-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("shop.sqlite").path
        let first = try await OrderStore.sqlite(path: path)
        let second = try await OrderStore.sqlite(path: path)
        #expect(try await first.add(Order(id: "order-s", product: .mug, unitAmount: 1_500, quantity: 1)))
        #expect(try await second.add(Order(id: "order-s", product: .mug, unitAmount: 1_500, quantity: 9)) == false,
                "an id is taken once, whichever store asks")
        // Each change appends one refunded session: a lost update would drop one.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for number in 0..<40 {
                group.addTask { try await first.recordDuplicate("order-s", original: "cs_a", refunded: "cs_first_\(number)") }
                group.addTask { try await second.recordDuplicate("order-s", original: "cs_a", refunded: "cs_second_\(number)") }
            }
            try await group.waitForAll()
        }
        await first.close()
        await second.close()
        let reopened = try await OrderStore.sqlite(path: path)
        let order = try #require(try await reopened.existing("order-s"))
        #expect(order.refundedSessions.count == 80)
        #expect(order.status == .paid && order.paidSession == "cs_a")
        #expect(order.quantity == 1)
        await reopened.close()
    }

    @Test("a subscription event that arrives before the checkout's gives the order its customer, for the portal link")
    func subscriptionBeforeCheckout() async throws {
        let orders = OrderStore()
        #expect(try await orders.add(Order(id: "order-p", product: .plan, unitAmount: 900, quantity: 1)))
        try await orders.updateSubscription("order-p", subscription: "sub_1", customer: "cus_1", status: "active",
                                            cancelsAtPeriodEnd: false)
        var order = try #require(try await orders.existing("order-p"))
        #expect(order.customer == "cus_1" && order.subscription == "sub_1" && order.subscriptionStatus == "active")
        // The checkout's event names the same customer; a later subscription event does not replace it.
        try await orders.recordSubscription("order-p", customer: "cus_1", subscription: "sub_1")
        try await orders.updateSubscription("order-p", subscription: "sub_1", customer: nil, status: "past_due",
                                            cancelsAtPeriodEnd: false)
        order = try #require(try await orders.existing("order-p"))
        #expect(order.customer == "cus_1" && order.subscriptionStatus == "past_due")
    }
}
