#if Emulator
@testable import CheckoutEmulator
import Foundation
import StripeCheckout
import StripeRuntime
import Testing

/// The state database: a JSON state file of an earlier version is migrated once, a file of a newer version is
/// refused, and a change writes the rows it changed, not the whole state.
@Suite("The emulator's state database")
struct StateDatabaseTests {
    private func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("emulator-db-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("a JSON state file is read once and replaced by the database, keeping every object and the order")
    func migratesJSON() async throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state").path
        // The JSON an earlier version kept: the whole state, as its encoder wrote it.
        let (ids, json) = try await withEmulator { emulator in
            let stripe = makeClient(emulator)
            var ids: [String] = []
            for number in 1...3 {
                ids.append(try await stripe.checkout.sessions.create(paymentParams(reference: "order-\(number)")).id)
            }
            _ = try await stripe.checkout.sessions.expire(ids[1])
            return (ids, try JSONEncoder.emulator.encode(await emulator.engine.state))
        }
        try json.write(to: URL(fileURLWithPath: path))

        try await withEmulator({ $0.statePath = path }) { emulator in
            let page = try await makeClient(emulator).checkout.sessions.listPage()
            #expect(page.data.map(\.id) == ids.reversed(), "newest first, as before the migration")
            #expect(page.data.map(\.status) == [.open, .expired, .open])
            #expect(try await makeClient(emulator).checkout.sessions.listLineItemsPage(ids[0]).data.count == 1)
        }
        let header = try Data(contentsOf: URL(fileURLWithPath: path)).prefix(15)
        #expect(String(decoding: header, as: UTF8.self) == "SQLite format 3", "the file is a database now")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["state"], "nothing left beside it")
        #expect(try await SavedState.ids("sessions", at: path) == ids)
    }

    @Test("a database a newer emulator wrote is refused at start, naming the file and the layouts")
    func newerLayoutRefused() async throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state").path
        try await SavedState.withConnection(path) { connection in
            _ = try await connection.query("PRAGMA user_version = 99")
        }
        do {
            try await withEmulator({ $0.statePath = path }) { _ in }
            Issue.record("a newer layout was opened")
        } catch let error as EmulatorStartError {
            #expect(error.description.contains(path) && error.description.contains("newer"), "\(error)")
        }
    }

    @Test("a change yields the rows it changed, new ones in creation order, and nothing after")
    func changesOnly() throws {
        var state = EmulatorState()
        for number in 0..<100 {
            EmulatorState.store(["id": .string("cus_\(number)"), "object": .string("customer")], in: &state.customers)
        }
        #expect(try state.takeChanges().map(\.id) == (0..<100).map { "cus_\($0)" })
        #expect(try state.takeChanges().isEmpty)
        EmulatorState.store(["id": .string("cus_7"), "email": .string("a@example.com")], in: &state.customers)
        state.customers.remove("cus_3")
        state.idempotency["key"] = nil
        let rows = try state.takeChanges()
        #expect(rows.map(\.id) == ["cus_7", "cus_3", "key"])
        #expect(rows.map { $0.body == nil } == [false, true, true], "removals carry no body")
        let rebuilt = try EmulatorState(rows: try state.allRows)
        #expect(rebuilt.customers.all.map(\.id) == state.customers.all.map(\.id))
        EmulatorState.store(["id": .string("cus_100")], in: &state.customers)
        state.forgetChanges()
        #expect(try state.takeChanges().isEmpty, "a state without a database keeps no list of changes")
    }
}
#endif
