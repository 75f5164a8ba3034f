#if PostgreSQL
import CheckoutWorkflows
import CheckoutWorkflowsPostgres
import Foundation
import PostgresNIO
import StripeCheckout
import Testing

@Suite("PostgreSQL checkout session index", .enabled(if: TestDatabase.available, TestDatabase.skipReason))
struct CheckoutSessionIndexTests {
    @Test("rows only move forward: a late open or unpaid update never undoes complete, paid or a known cart")
    func forwardOnly() async throws {
        try await TestDatabase.withTables { client, tables in
            let index = PostgresCheckoutSessionIndex(client: client, tables: tables)
            let order = try OrderReference("order-forward")
            let open = indexed(order, "cs_1", status: .open, payment: .unpaid, created: 100, fingerprint: nil)
            try await index.record(open)
            #expect(try await index.sessions(for: order) == [open])

            var complete = open
            (complete.status, complete.paymentStatus, complete.cartFingerprint) = (.complete, .paid, "cart-a")
            try await index.record(complete)
            var late = open
            late.cartFingerprint = "cart-b"
            try await index.record(late)
            #expect(try await index.sessions(for: order) == [complete])

            var expired = open
            expired.status = .expired
            try await index.record(expired)
            #expect(try await index.sessions(for: order).first?.status == .complete, "complete never turns expired")
        }
    }

    @Test("any sequence of updates ends where the in-memory index ends", arguments: 0..<4)
    func agreesWithInMemory(seed: Int) async throws {
        try await TestDatabase.withTables { client, tables in
            let index = PostgresCheckoutSessionIndex(client: client, tables: tables)
            let reference = InMemoryCheckoutSessionIndex()
            let order = try OrderReference("order-model-\(seed)")
            var random = SeededRandom(seed: UInt64(seed + 1))
            let statuses: [CheckoutSession.Status] = [.open, .complete, .expired, .unrecognized("archived")]
            let payments: [CheckoutSession.PaymentStatus] = [.unpaid, .paid, .noPaymentRequired]
            for _ in 0..<40 {
                let id = "cs_\(random.next(below: 5))"
                let update = indexed(
                    order, id, status: statuses[random.next(below: statuses.count)],
                    payment: payments[random.next(below: payments.count)],
                    created: 1_000 + Double(id.last!.wholeNumberValue! % 3),
                    fingerprint: random.next(below: 2) == 0 ? nil : "cart-\(random.next(below: 3))")
                try await index.record(update)
                await reference.record(update)
            }
            #expect(try await index.sessions(for: order) == (await reference.sessions(for: order)))
        }
    }

    @Test("an order's sessions come newest first, then by greatest id, and other orders' never")
    func ordering() async throws {
        try await TestDatabase.withTables { client, tables in
            let index = PostgresCheckoutSessionIndex(client: client, tables: tables)
            let order = try OrderReference("order-sorted")
            let other = try OrderReference("order-other")
            let rows = [
                indexed(order, "cs_b", created: 200), indexed(order, "cs_a", created: 300),
                indexed(order, "cs_c", created: 200), indexed(order, "cs_Z", created: 200),
                indexed(other, "cs_x", created: 999),
            ]
            for row in rows.shuffled() { try await index.record(row) }
            #expect(try await index.sessions(for: order).map(\.sessionID) == ["cs_a", "cs_c", "cs_b", "cs_Z"])
            #expect(try await index.sessions(for: other).map(\.sessionID) == ["cs_x"])
            #expect(try await index.sessions(for: try OrderReference("order-none")).isEmpty)
        }
    }

    @Test("concurrent writers through two pools: every session ends at the furthest state any writer saw")
    func concurrentWriters() async throws {
        try await TestDatabase.withTables { client, tables in
            try await TestDatabase.withClient { other in
                let indexes = [
                    PostgresCheckoutSessionIndex(client: client, tables: tables),
                    PostgresCheckoutSessionIndex(client: other, tables: tables),
                ]
                let order = try OrderReference("order-writers")
                let finals: [String: (CheckoutSession.Status, CheckoutSession.PaymentStatus)] = [
                    "cs_p1": (.complete, .paid), "cs_p2": (.expired, .unpaid), "cs_p3": (.open, .unpaid),
                    "cs_p4": (.complete, .noPaymentRequired),
                ]
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for (id, final) in finals {
                        for writer in 0..<12 {
                            // Most writers saw the session open and unpaid; one of them saw where it ended.
                            let seen = writer == 7 ? final : (.open, .unpaid)
                            let row = indexed(order, id, status: seen.0, payment: seen.1, created: 500)
                            group.addTask { try await indexes[writer % 2].record(row) }
                        }
                    }
                    try await group.waitForAll()
                }
                let rows = try await indexes[0].sessions(for: order)
                #expect(rows.count == finals.count)
                for row in rows {
                    #expect(row.status == finals[row.sessionID]?.0, "\(row.sessionID)")
                    #expect(row.paymentStatus == finals[row.sessionID]?.1, "\(row.sessionID)")
                }
            }
        }
    }

    private func indexed(
        _ order: OrderReference, _ id: String, status: CheckoutSession.Status = .open,
        payment: CheckoutSession.PaymentStatus = .unpaid, created: Double, fingerprint: String? = nil
    ) -> IndexedSession {
        IndexedSession(order: order, sessionID: id, cartFingerprint: fingerprint, status: status, paymentStatus: payment,
                       created: Date(timeIntervalSince1970: created), expiresAt: Date(timeIntervalSince1970: created + 86_400))
    }
}

/// A small deterministic generator (SplitMix64), so a failing sequence can be replayed from its seed.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
#endif
