#if SQLite
import ArgumentParser
import CheckoutWorkflows
import CheckoutWorkflowsSQLite

/// Takes the order lock with a lease of `--lease-ms`, prints `held`, and keeps it until the process is killed: a
/// crashed holder, for tests of the lease running out.
struct HoldLockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hold-lock")

    @OptionGroup var options: DatabaseOptions

    @Option(help: "The order reference to lock.")
    var order: String

    @Option(help: "The lock's lease in milliseconds.")
    var leaseMs: Int = 1_000

    func run() async throws {
        let (order, leaseMs) = (try OrderReference(order), leaseMs)
        try await options.withDatabase { database in
            let lock = SQLiteOrderLock(database: database, lease: .milliseconds(leaseMs))
            try await lock.withLock(order) {
                say("held")
                try await Task.sleep(for: .seconds(3_600))
            }
        }
    }
}
#endif
