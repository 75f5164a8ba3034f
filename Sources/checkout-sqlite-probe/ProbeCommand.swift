#if SQLite
import ArgumentParser
import CheckoutWorkflowsSQLite
import Foundation

/// Drives the SQLite-backed checkout stores from a separate OS process, so tests can race real processes on one
/// database file (and kill one mid-way). Prints one line per outcome on standard output.
@main
struct ProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkout-sqlite-probe",
        abstract: "Claims webhook events and takes order locks on an SQLite file, for multi-process tests.",
        subcommands: [ClaimCommand.self, LockRoundsCommand.self, HoldLockCommand.self])
}

/// The database file every subcommand uses.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "Path of the SQLite database file.")
    var database: String

    /// Runs `body` with the database open, then closes it.
    func withDatabase<T: Sendable>(_ body: @Sendable (SQLiteCheckoutDatabase) async throws -> T) async throws -> T {
        let database = try await SQLiteCheckoutDatabase.open(path: database)
        do {
            let result = try await body(database)
            try await database.close()
            return result
        } catch {
            try? await database.close()
            throw error
        }
    }
}

/// Writes one line to standard output at once (unbuffered), so it survives the process being killed right after.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// Sleeps until the wall clock reaches `unixTime`.
func sleepUntil(_ unixTime: Double) async throws {
    let wait = unixTime - Date().timeIntervalSince1970
    if wait > 0 { try await Task.sleep(for: .milliseconds(Int(wait * 1_000))) }
}
#endif
