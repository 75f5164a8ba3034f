import CheckoutWorkflows
import Foundation
import StripeCheckout
import Testing

/// What every checkout session index promises: an order's sessions, newest first, rows that only move forward.
let indexPromises: [Promise] = [
    Promise(name: "index: rows only move forward, so a late open or unpaid update never undoes complete, paid or a known cart") { backend in
        try await backend.withStorage { open in
            let index = try await open().index
            let order = try OrderReference("order-forward")
            let opened = indexed(order, "cs_1", status: .open, payment: .unpaid, created: 100)
            try await index.record(opened)
            #expect(try await index.sessions(for: order) == [opened])

            var complete = opened
            (complete.status, complete.paymentStatus, complete.cartFingerprint) = (.complete, .paid, "cart-a")
            try await index.record(complete)
            var late = opened
            late.cartFingerprint = "cart-b"
            try await index.record(late)
            #expect(try await index.sessions(for: order) == [complete])

            var expired = opened
            expired.status = .expired
            try await index.record(expired)
            #expect(try await index.sessions(for: order).first?.status == .complete, "complete never turns expired")
        }
    },
    Promise(name: "index: any sequence of updates ends where the forward-only rule says") { backend in
        try await backend.withStorage { open in
            let index = try await open().index
            for seed in 0..<4 {
                let order = try OrderReference("order-model-\(seed)")
                var random = SeededRandom(seed: UInt64(seed + 1))
                var model: [String: IndexedSession] = [:]
                let statuses: [CheckoutSession.Status] = [.open, .complete, .expired, .unrecognized("archived")]
                let payments: [CheckoutSession.PaymentStatus] = [.unpaid, .paid, .noPaymentRequired]
                for _ in 0..<40 {
                    // Session ids are the index's key: each seed has its own.
                    let session = random.next(below: 5)
                    let id = "cs_\(seed)_\(session)"
                    let update = indexed(
                        order, id, status: statuses[random.next(below: statuses.count)],
                        payment: payments[random.next(below: payments.count)],
                        created: 1_000 + Double(session % 3),
                        fingerprint: random.next(below: 2) == 0 ? nil : "cart-\(random.next(below: 3))")
                    try await index.record(update)
                    model[id] = model[id].map { forward($0, update) } ?? update
                }
                let expected = model.values.sorted { ($0.created, $0.sessionID) > ($1.created, $1.sessionID) }
                #expect(try await index.sessions(for: order) == expected, "seed \(seed)")
            }
        }
    },
    Promise(name: "index: an order's sessions come newest first, then by greatest id, and other orders' never") { backend in
        try await backend.withStorage { open in
            let index = try await open().index
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
    },
    Promise(name: "index: concurrent writers from two instances leave every session at the furthest state any writer saw") { backend in
        try await backend.withStorage { open in
            let indexes = [try await open().index, try await open().index]
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
    },
    Promise(name: "index: rows survive a restart", requires: [.survivesRestart]) { backend in
        try await backend.withStorage { open in
            let order = try OrderReference("order-restart")
            let before = try await open()
            let row = indexed(order, "cs_kept", status: .complete, payment: .paid, created: 1_700_000_000, fingerprint: "cart")
            try await before.index.record(row)
            try await before.close()
            #expect(try await open().index.sessions(for: order) == [row])
        }
    },
]

/// `row` moved forward by `newer`, as the index contract states it: status advances only from `open`, payment
/// status only from `unpaid`, a known cart fingerprint stays.
private func forward(_ row: IndexedSession, _ newer: IndexedSession) -> IndexedSession {
    var result = row
    if row.status == .open { result.status = newer.status }
    if row.paymentStatus == .unpaid { result.paymentStatus = newer.paymentStatus }
    if row.cartFingerprint == nil { result.cartFingerprint = newer.cartFingerprint }
    return result
}

func indexed(
    _ order: OrderReference, _ id: String, status: CheckoutSession.Status = .open,
    payment: CheckoutSession.PaymentStatus = .unpaid, created: Double, fingerprint: String? = nil
) -> IndexedSession {
    IndexedSession(order: order, sessionID: id, cartFingerprint: fingerprint, status: status, paymentStatus: payment,
                   created: Date(timeIntervalSince1970: created), expiresAt: Date(timeIntervalSince1970: created + 86_400))
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
