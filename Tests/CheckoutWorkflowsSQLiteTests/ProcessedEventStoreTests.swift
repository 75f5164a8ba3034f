#if SQLite
import CheckoutWorkflowsSQLite
import Foundation
import ProbeProcessSupport
import SQLiteNIO
import Testing

@Suite("SQLite processed-event store")
struct ProcessedEventStoreTests {
    @Test("the row records each claim: released and claimed again counts two attempts, handled stays handled")
    func rows() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.path()
            try await SQLiteCheckoutDatabase.with(path) { database in
                let store = SQLiteProcessedEventStore(database: database, lease: .seconds(60))
                #expect(try await store.claim("evt_1"))
                try await store.finish("evt_1", handled: false)
                #expect(try await store.claim("evt_1"))
                #expect(try await row("evt_1", path) == EventRow("claimed", 2))
                try await store.finish("evt_1", handled: true)
                #expect(try await row("evt_1", path) == EventRow("handled", 2))
                // A finish that succeeded used up the claim: repeating it is refused rather than recorded twice.
                #expect(try await store.claim("evt_2"))
                try await store.finish("evt_2", handled: true)
                await #expect(throws: SQLiteCheckoutError.self, "the claim was used up by the first finish") {
                    try await store.finish("evt_2", handled: true)
                }
            }
        }
    }

    @Test("pruning removes rows older than the retention except live claims, and keeps recent ones")
    func prune() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.path()
            try await SQLiteCheckoutDatabase.with(path) { database in
                let store = SQLiteProcessedEventStore(database: database, lease: .seconds(60))
                #expect(store.retention == .seconds(4 * 24 * 3_600))
                for id in ["evt_old_handled", "evt_old_released", "evt_old_live", "evt_old_dead", "evt_new"] {
                    #expect(try await store.claim(id))
                }
                try await store.finish("evt_old_handled", handled: true)
                try await store.finish("evt_old_released", handled: false)
                try await store.finish("evt_new", handled: true)
                try await RawConnection.with(path) { raw in
                    _ = try await raw.rows("""
                        UPDATE checkout_processed_events SET first_seen_at = first_seen_at - 5 * 86400
                        WHERE event_id LIKE 'evt_old_%'
                        """)
                    _ = try await raw.rows("""
                        UPDATE checkout_processed_events SET lease_until = unixepoch('subsec') - 1 WHERE event_id = 'evt_old_dead'
                        """)
                }
                #expect(try await store.prune() == 3)
                #expect(try await eventIDs(path) == ["evt_new", "evt_old_live"])
                #expect(try await store.prune() == 0)
                let noRetention = SQLiteProcessedEventStore(database: database, retention: .zero)
                #expect(try await noRetention.prune() == 1, "with no retention, only the live claim stays")
            }
        }
    }

    @Test("the same event claimed at once from two OS processes: exactly one claims and handles it, every round")
    func twoProcesses() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.path()
            try await SQLiteCheckoutDatabase.with(path) { _ in }
            for round in 1...5 {
                let start = startTogether(after: 1.0)
                let probes = try (0..<2).map { _ in
                    try ProbeProcess(["claim", "--database", path, "--event", "evt_proc_\(round)", "--start-at", start])
                }
                var outputs: [[String]] = []
                for probe in probes {
                    let result = await probe.finish()
                    #expect(result.status == 0, "\(result.stderr)")
                    outputs.append(result.lines)
                }
                #expect(outputs.sorted { $0.count < $1.count } == [["duplicate"], ["claimed", "handled"]], "round \(round)")
            }
        }
    }

    @Test("a handler killed mid-way: after a restart, redeliveries are duplicates until its lease runs out, then one runs it")
    func killedHandler() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.path()
            let probe = try ProbeProcess(["claim", "--database", path, "--event", "evt_killed", "--lease-ms", "3000", "--hold-ms", "120000"])
            let deadline = ContinuousClock.now + .seconds(30)
            while await claimedState(of: "evt_killed", path) != "claimed" {
                try #require(ContinuousClock.now < deadline, "the probe never claimed the event")
                try await Task.sleep(for: .milliseconds(20))
            }
            probe.kill()
            let killed = await probe.finish()
            #expect(killed.reason == .uncaughtSignal)
            #expect(killed.lines == ["claimed"] || killed.lines.isEmpty, "\(killed.lines)")

            try await SQLiteCheckoutDatabase.with(path) { database in
                let redelivery = SQLiteProcessedEventStore(database: database)
                #expect(try await redelivery.claim("evt_killed") == false, "the dead handler's lease still runs")
                let deadline = ContinuousClock.now + .seconds(30)
                while try await !redelivery.claim("evt_killed") {
                    try #require(ContinuousClock.now < deadline, "the lease never ran out")
                    try await Task.sleep(for: .milliseconds(50))
                }
                try await redelivery.finish("evt_killed", handled: true)
                #expect(try await redelivery.claim("evt_killed") == false)
            }
            #expect(try await row("evt_killed", path) == EventRow("handled", 2))
        }
    }

    /// An event's row as the store left it.
    struct EventRow: Equatable {
        var state: String
        var attempts: Int
        init(_ state: String, _ attempts: Int) { (self.state, self.attempts) = (state, attempts) }
    }

    private func row(_ id: String, _ path: String) async throws -> EventRow? {
        try await RawConnection.with(path) { raw in
            try await raw.rows("SELECT state, attempts FROM checkout_processed_events WHERE event_id = ?1", [.text(id)]).first.map {
                EventRow($0.column("state")?.string ?? "?", $0.column("attempts")?.integer ?? -1)
            }
        }
    }

    /// The event's state once the probe has created the file and the row; nil before (without creating the file).
    private func claimedState(of id: String, _ path: String) async -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try? await row(id, path)?.state
    }

    private func eventIDs(_ path: String) async throws -> [String] {
        try await RawConnection.with(path) { raw in
            try await raw.rows("SELECT event_id FROM checkout_processed_events ORDER BY event_id").compactMap { $0.column("event_id")?.string }
        }
    }
}
#endif
