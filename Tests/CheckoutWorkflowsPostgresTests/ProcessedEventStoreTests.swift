#if PostgreSQL
import CheckoutWorkflowsPostgres
import Foundation
import PostgresNIO
import ProbeProcessSupport
import Testing

@Suite("PostgreSQL processed-event store", .enabled(if: TestDatabase.available, TestDatabase.skipReason))
struct ProcessedEventStoreTests {
    @Test("a claimed event is a duplicate until released; once handled it stays a duplicate, even past the lease")
    func claimAndFinish() async throws {
        try await TestDatabase.withTables { client, tables in
            let store = PostgresProcessedEventStore(client: client, tables: tables, lease: .seconds(60))
            #expect(try await store.claim("evt_1"))
            #expect(try await store.claim("evt_1") == false)
            #expect(try await store.claimForHandling("evt_1") == .inProgress, "held by a live claim, not handled")
            try await store.finish("evt_1", handled: false)
            #expect(try await store.claim("evt_1"), "a released event is claimed again")
            #expect(try await row("evt_1", tables, client) == EventRow("claimed", 2))
            try await store.finish("evt_1", handled: true)
            #expect(try await store.claim("evt_1") == false)
            #expect(try await store.claimForHandling("evt_1") == .alreadyHandled)
            #expect(try await row("evt_1", tables, client) == EventRow("handled", 2))
            #expect(try await store.claim("evt_2"), "other events are independent")

            let shortLease = PostgresProcessedEventStore(client: client, tables: tables, lease: .milliseconds(100))
            #expect(try await shortLease.claim("evt_3"))
            try await shortLease.finish("evt_3", handled: true)
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await shortLease.claim("evt_3") == false, "a handled event has no lease to run out")
            #expect(try await row("evt_3", tables, client) == EventRow("handled", 1))
        }
    }

    @Test("a claim whose lease ran out is claimed again, and the first claimer's late finish is refused")
    func leaseExpiry() async throws {
        try await TestDatabase.withTables { client, tables in
            let first = PostgresProcessedEventStore(client: client, tables: tables, lease: .seconds(5))
            let second = PostgresProcessedEventStore(client: client, tables: tables, lease: .seconds(60))
            #expect(try await first.claim("evt_slow"))
            #expect(try await second.claim("evt_slow") == false, "the lease still runs")
            try await waitForLeaseEnd("evt_slow", tables, client)
            #expect(try await second.claim("evt_slow"), "the lease ran out")
            let late = await #expect(throws: PostgresCheckoutError.self) { try await first.finish("evt_slow", handled: false) }
            #expect(late?.kind == .claimLost)
            #expect(late?.input == "evt_slow")
            #expect(try await row("evt_slow", tables, client) == EventRow("claimed", 2), "the late release did not undo the new claim")
            try await second.finish("evt_slow", handled: true)
            #expect(try await row("evt_slow", tables, client) == EventRow("handled", 2))
        }
    }

    @Test("finishing an event this store never claimed is refused")
    func finishUnclaimed() async throws {
        try await TestDatabase.withTables { client, tables in
            let store = PostgresProcessedEventStore(client: client, tables: tables)
            let error = await #expect(throws: PostgresCheckoutError.self) { try await store.finish("evt_none", handled: true) }
            #expect(error?.kind == .claimLost)
        }
    }

    @Test("pruning removes rows older than the retention except live claims, and keeps recent ones")
    func prune() async throws {
        try await TestDatabase.withTables { client, tables in
            let store = PostgresProcessedEventStore(client: client, tables: tables, lease: .seconds(60))
            #expect(store.retention == .seconds(4 * 24 * 3_600))
            for id in ["evt_old_handled", "evt_old_released", "evt_old_live", "evt_old_dead", "evt_new"] {
                #expect(try await store.claim(id))
            }
            try await store.finish("evt_old_handled", handled: true)
            try await store.finish("evt_old_released", handled: false)
            try await store.finish("evt_new", handled: true)
            try await client.query("""
                UPDATE \(unescaped: tables.processedEvents) SET first_seen_at = now() - interval '5 days'
                WHERE event_id LIKE 'evt_old_%'
                """).drainRows()
            try await client.query("""
                UPDATE \(unescaped: tables.processedEvents) SET lease_until = now() - interval '1 second'
                WHERE event_id = 'evt_old_dead'
                """).drainRows()
            #expect(try await store.prune() == 3)
            #expect(try await eventIDs(tables, client) == ["evt_new", "evt_old_live"])
            #expect(try await store.prune() == 0)
            let shortRetention = PostgresProcessedEventStore(client: client, tables: tables, retention: .zero)
            #expect(try await shortRetention.prune() == 1, "with no retention, only the live claim stays")
        }
    }

    @Test("the same events claimed at once through two pools: exactly one claim wins each")
    func concurrentClaims() async throws {
        try await TestDatabase.withTables { client, tables in
            try await TestDatabase.withClient { other in
                let stores = [
                    PostgresProcessedEventStore(client: client, tables: tables),
                    PostgresProcessedEventStore(client: other, tables: tables),
                ]
                let ids = (0..<60).map { "evt_race_\($0)" }
                let wins = try await withThrowingTaskGroup(of: (String, Bool).self) { group in
                    for id in ids {
                        for store in stores + stores { group.addTask { (id, try await store.claim(id)) } }
                    }
                    return try await group.reduce(into: [String: Int]()) { if $1.1 { $0[$1.0, default: 0] += 1 } }
                }
                #expect(wins.count == ids.count)
                #expect(wins.values.allSatisfy { $0 == 1 }, "winners per event: \(wins.filter { $0.value != 1 })")
            }
        }
    }

    @Test("the same event claimed at once from two OS processes: exactly one claims and handles it, every round")
    func twoProcesses() async throws {
        try await TestDatabase.withTables { client, tables in
            let database = try probeDatabaseArguments(tables.schema!)
            for round in 1...5 {
                let start = startTogether(after: 1.0)
                let probes = try (0..<2).map { _ in
                    try ProbeProcess(["claim"] + database + ["--event", "evt_proc_\(round)", "--start-at", start])
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

    @Test("a handler killed mid-way: redeliveries are in progress until its lease runs out, then one claims it")
    func killedHandler() async throws {
        try await TestDatabase.withTables { client, tables in
            let database = try probeDatabaseArguments(tables.schema!)
            let probe = try ProbeProcess(["claim"] + database + ["--event", "evt_killed", "--lease-ms", "10000", "--hold-ms", "120000"])
            // Wait until the probe holds the claim, then kill it inside its handler.
            let deadline = ContinuousClock.now + .seconds(30)
            while try await row("evt_killed", tables, client)?.state != "claimed" {
                try #require(ContinuousClock.now < deadline, "the probe never claimed the event")
                try await Task.sleep(for: .milliseconds(20))
            }
            probe.kill()
            let killed = await probe.finish()
            #expect(killed.reason == .uncaughtSignal)
            // The probe prints `claimed` after its claim commits; the row can be seen before the line is written, so
            // the kill may land in between. What must hold: it never got to handle the event.
            #expect(killed.lines == ["claimed"] || killed.lines.isEmpty, "\(killed.lines)")

            let redelivery = PostgresProcessedEventStore(client: client, tables: tables)
            #expect(try await redelivery.claimForHandling("evt_killed") == .inProgress,
                    "the dead handler's lease still runs: Stripe is asked to deliver again later")
            try await waitForLeaseEnd("evt_killed", tables, client)
            try await TestDatabase.withClient { other in
                let racers = [redelivery, PostgresProcessedEventStore(client: other, tables: tables)]
                async let first = racers[0].claim("evt_killed")
                async let second = racers[1].claim("evt_killed")
                let claims = try await [first, second]
                #expect(claims.filter { $0 }.count == 1, "exactly one redelivery claims it: \(claims)")
                let winner = claims[0] ? racers[0] : racers[1]
                try await winner.finish("evt_killed", handled: true)
            }
            #expect(try await row("evt_killed", tables, client) == EventRow("handled", 2))
            #expect(try await redelivery.claimForHandling("evt_killed") == .alreadyHandled)
        }
    }

    @Test("the connection killed while finishing: a clear error, the claim stays until its lease, and a retry records it")
    func connectionDiesMidFinish() async throws {
        try await TestDatabase.withTables { client, tables in
            try await TestDatabase.withClient { storeClient in
                let store = PostgresProcessedEventStore(client: storeClient, tables: tables, lease: .seconds(60))
                #expect(try await store.claim("evt_cut"))
                // Hold the row so the store's UPDATE waits on the server, then end that server process.
                try await client.withConnection { blocker in
                    try await blocker.query("BEGIN", logger: testLogger).drainRows()
                    try await blocker.query("""
                        SELECT 1 FROM \(unescaped: tables.processedEvents) WHERE event_id = 'evt_cut' FOR UPDATE
                        """, logger: testLogger).drainRows()
                    let finishing = Task { try await store.finish("evt_cut", handled: true) }
                    // Look from outside the transaction: inside one, pg_stat_activity is a snapshot taken once.
                    let deadline = ContinuousClock.now + .seconds(20)
                    var waiting: Int?
                    while waiting == nil {
                        for try await pid in try await client.query("""
                            SELECT pid::int8 FROM pg_stat_activity
                            WHERE wait_event_type = 'Lock' AND query LIKE \("UPDATE " + tables.processedEvents + "%")
                            """).decode(Int.self) { waiting = pid }
                        if waiting == nil {
                            try #require(ContinuousClock.now < deadline, "the finish never reached the server")
                            try await Task.sleep(for: .milliseconds(20))
                        }
                    }
                    try await blocker.query("SELECT pg_terminate_backend(\(waiting!)::int4)", logger: testLogger).drainRows()
                    let error = await #expect(throws: PostgresCheckoutError.self) { try await finishing.value }
                    #expect(error?.kind == .database)
                    #expect(error?.input == "evt_cut")
                    #expect(error?.operation.contains("recording event evt_cut as handled") == true)
                    try await blocker.query("ROLLBACK", logger: testLogger).drainRows()
                }
                #expect(try await row("evt_cut", tables, client) == EventRow("claimed", 1), "the claim is not lost")
                #expect(try await PostgresProcessedEventStore(client: client, tables: tables).claim("evt_cut") == false)
                // The caller retries, as a handler answering 500 would be retried; the pool may first hand out
                // another connection that has not noticed its server went away.
                for attempt in 1...3 {
                    do {
                        try await store.finish("evt_cut", handled: true)
                        break
                    } catch let error as PostgresCheckoutError where error.kind == .database && attempt < 3 {
                        try await Task.sleep(for: .milliseconds(100))
                    }
                }
                #expect(try await row("evt_cut", tables, client) == EventRow("handled", 1))
            }
        }
    }

    /// Returns once the database clock has passed the event's lease.
    private func waitForLeaseEnd(_ id: String, _ tables: PostgresCheckoutTables, _ client: PostgresClient) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while try await client.query("""
            SELECT coalesce(bool_or(lease_until > now()), false) FROM \(unescaped: tables.processedEvents) WHERE event_id = \(id)
            """).single(Bool.self) {
            try #require(ContinuousClock.now < deadline, "the lease of \(id) never ended")
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// An event's row as the store left it.
    struct EventRow: Equatable {
        var state: String
        var attempts: Int
        init(_ state: String, _ attempts: Int) { (self.state, self.attempts) = (state, attempts) }
    }

    private func row(_ id: String, _ tables: PostgresCheckoutTables, _ client: PostgresClient) async throws -> EventRow? {
        let rows = try await client.query(
            "SELECT state, attempts::int8 FROM \(unescaped: tables.processedEvents) WHERE event_id = \(id)")
        var found: EventRow?
        for try await (state, attempts) in rows.decode((String, Int).self) { found = EventRow(state, attempts) }
        return found
    }

    private func eventIDs(_ tables: PostgresCheckoutTables, _ client: PostgresClient) async throws -> [String] {
        var ids: [String] = []
        for try await id in try await client.query(
            "SELECT event_id FROM \(unescaped: tables.processedEvents) ORDER BY event_id").decode(String.self) {
            ids.append(id)
        }
        return ids
    }
}
#endif
