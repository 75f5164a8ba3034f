#if PostgreSQL
import CheckoutWorkflows
import CheckoutWorkflowsPostgres
import Foundation
import StripeRuntime
import Testing

@Suite("Webhooks across servers sharing PostgreSQL", .enabled(if: TestDatabase.available, TestDatabase.skipReason))
struct WebhooksAcrossServersTests {
    private static let secret = "whsec_across_servers"

    /// Which orders each server's handler ran for.
    private actor Runs {
        var orders: [String] = []
        var failures = 0
        var failFirst: Bool
        init(failFirst: Bool = false) { self.failFirst = failFirst }
        func run(_ reference: String?) throws {
            if failFirst { failFirst = false; failures += 1; throw HandlerFailed() }
            orders.append(reference ?? "-")
        }
    }

    private struct HandlerFailed: Error {}

    private func completedEvent(_ id: String, order: String) -> Data {
        Data("""
        {"id": "\(id)", "object": "event", "type": "checkout.session.completed", "created": 1700000300, "livemode": false,
         "api_version": "2023-08-16", "pending_webhooks": 2, "request": {"id": null, "idempotency_key": null},
         "data": {"object": {"id": "cs_test_\(id)", "object": "checkout.session", "client_reference_id": "\(order)",
           "created": 1700000200, "expires_at": 1700086600, "livemode": false, "mode": "payment",
           "payment_status": "paid", "status": "complete", "automatic_tax": {"enabled": false, "status": null},
           "custom_fields": [], "custom_text": {"shipping_address": null, "submit": null},
           "payment_method_types": ["card"], "shipping_options": []}}}
        """.utf8)
    }

    private func server(_ store: PostgresProcessedEventStore, _ runs: Runs) -> CheckoutWebhookHandler {
        CheckoutWebhookHandler(verifier: WebhookVerifier(secret: Self.secret), store: store)
            .onCompleted { _, reference in try await runs.run(reference) }
    }

    @Test("the same delivery reaching two servers at once runs the handler once, for every event; a redelivery is a duplicate")
    func onceAcrossServers() async throws {
        try await TestDatabase.withTables { client, tables in
            try await TestDatabase.withClient { otherClient in
                let runsA = Runs(), runsB = Runs()
                let serverA = server(PostgresProcessedEventStore(client: client, tables: tables), runsA)
                let serverB = server(PostgresProcessedEventStore(client: otherClient, tables: tables), runsB)
                let signer = WebhookSigner(secret: Self.secret)
                let orders = (1...20).map { "order-\($0)" }
                let statuses = await withTaskGroup(of: Int.self) { group in
                    for (index, order) in orders.enumerated() {
                        let payload = completedEvent("evt_across_\(index)", order: order)
                        let header = signer.header(for: payload)
                        group.addTask { await serverA.handle(payload: payload, signatureHeader: header).httpStatus }
                        group.addTask { await serverB.handle(payload: payload, signatureHeader: header).httpStatus }
                    }
                    return await group.reduce(into: [Int]()) { $0.append($1) }
                }
                // A delivery that finds the other server's handler still running is answered 500 (Stripe delivers it
                // again later); one that finds it finished is a duplicate (200).
                #expect(statuses.allSatisfy { $0 == 200 || $0 == 500 })
                #expect(statuses.filter { $0 == 200 }.count >= orders.count)
                let handled = await runsA.orders + runsB.orders
                #expect(handled.sorted() == orders.sorted(), "each order's handler ran exactly once across both servers")
                // Stripe's later redelivery of every event is acknowledged and runs nothing.
                for (index, order) in orders.enumerated() {
                    let payload = completedEvent("evt_across_\(index)", order: order)
                    let again = await serverB.handle(payload: payload, signatureHeader: signer.header(for: payload))
                    #expect(again == .duplicate(eventID: "evt_across_\(index)"))
                }
                #expect((await runsA.orders + runsB.orders).count == orders.count)
            }
        }
    }

    @Test("a handler failing on one server answers 500, and the redelivery to the other server runs it")
    func failedThenRedelivered() async throws {
        try await TestDatabase.withTables { client, tables in
            try await TestDatabase.withClient { otherClient in
                let runsA = Runs(failFirst: true), runsB = Runs()
                let serverA = server(PostgresProcessedEventStore(client: client, tables: tables), runsA)
                let serverB = server(PostgresProcessedEventStore(client: otherClient, tables: tables), runsB)
                let payload = completedEvent("evt_retry", order: "order-retry")
                let header = WebhookSigner(secret: Self.secret).header(for: payload)
                #expect(await serverA.handle(payload: payload, signatureHeader: header).httpStatus == 500)
                #expect(await serverB.handle(payload: payload, signatureHeader: header).httpStatus == 200)
                #expect(await serverA.handle(payload: payload, signatureHeader: header).httpStatus == 200)
                #expect(await runsA.failures == 1)
                #expect(await runsA.orders.isEmpty)
                #expect(await runsB.orders == ["order-retry"])
            }
        }
    }
}
#endif
