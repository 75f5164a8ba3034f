#if PostgreSQL && Emulator
import CheckoutEmulator
import CheckoutWorkflows
import CheckoutWorkflowsPostgres
import Foundation
import ProbeProcessSupport
import StripeCheckout
import StripeRuntime
import Testing

/// The repository's Checkout spec, which the emulator checks requests against.
private let checkoutSpecPath = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Specs/checkout.yaml").path

@Suite("Order-level checkout from two OS processes", .enabled(if: TestDatabase.available, TestDatabase.skipReason))
struct CheckoutAcrossProcessesTests {
    @Test("two servers racing checkout for one order for 50 rounds, sharing the PostgreSQL lock and index: one open session after every round")
    func race() async throws {
        let emulator = try await CheckoutEmulator.start(EmulatorConfiguration(specPath: checkoutSpecPath))
        var configuration = StripeConfiguration(baseURL: emulator.baseURL)
        configuration.sleep = { _ in }
        let workflows = CheckoutWorkflows(stripe: StripeClient(apiKey: "sk_test_postgres_probe", configuration: configuration))
        do {
            try await raceRounds(emulator, workflows)
        } catch {
            await emulator.stop()
            throw error
        }
        await emulator.stop()
    }

    private func raceRounds(_ emulator: CheckoutEmulator, _ workflows: CheckoutWorkflows) async throws {
        try await TestDatabase.withTables { client, tables in
            let database = try probeDatabaseArguments(tables.schema!)
            let order = try OrderReference("order-\(UUID().uuidString.prefix(8))")
            // 50 rounds of: the same cart twice, a changed cart, the first cart again; each round both servers
            // call at once.
            let carts = [1_000, 1_000, 1_250, 1_000]
            for round in 0..<50 {
                let amount = carts[round % carts.count]
                let start = startTogether(after: 0.6)
                let probes = try (0..<2).map { _ in
                    try ProbeProcess(["checkout"] + database + [
                        "--stripe-base", emulator.baseURL.absoluteString, "--order", order.value,
                        "--amount", String(amount), "--start-at", start])
                }
                var answers: [String] = []
                for probe in probes {
                    let result = await probe.finish()
                    #expect(result.status == 0, "round \(round): \(result.stderr)")
                    answers += result.lines
                }
                let open = try await openSessions(order, workflows)
                #expect(open.count == 1, "round \(round): open sessions \(open)")
                #expect(answers == ["pay \(open.first ?? "-")", "pay \(open.first ?? "-")"], "round \(round): both servers send the customer to the one open session")
            }
            let indexed = try await PostgresCheckoutSessionIndex(client: client, tables: tables).sessions(for: order)
            let all = try await allSessions(order, workflows)
            #expect(Set(indexed.map(\.sessionID)) == Set(all), "the shared index knows every session either server made")

            // Once paid, both servers answer paid and leave nothing open.
            let open = try #require(try await openSessions(order, workflows).first)
            _ = try await emulator.complete(sessionID: open)
            let start = startTogether(after: 1.0)
            let probes = try (0..<2).map { _ in
                try ProbeProcess(["checkout"] + database + [
                    "--stripe-base", emulator.baseURL.absoluteString, "--order", order.value, "--amount", "1000",
                    "--start-at", start])
            }
            for probe in probes {
                let result = await probe.finish()
                #expect(result.lines == ["paid \(open)"], "\(result.stderr)")
            }
            #expect(try await openSessions(order, workflows).isEmpty)
        }
    }

    private func allSessions(_ order: OrderReference, _ workflows: CheckoutWorkflows) async throws -> [String] {
        var ids: [String] = []
        for try await session in workflows.sessions(for: order) { ids.append(session.id) }
        return ids
    }

    private func openSessions(_ order: OrderReference, _ workflows: CheckoutWorkflows) async throws -> [String] {
        var ids: [String] = []
        for try await session in workflows.sessions(for: order) where session.status == .open { ids.append(session.id) }
        return ids
    }
}
#endif
