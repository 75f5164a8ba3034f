#if PostgreSQL
import ArgumentParser
import CheckoutWorkflows
import CheckoutWorkflowsPostgres
import PostgresNIO

/// Takes the order lock `--rounds` times; inside each critical section writes a row to `<schema>.lock_log`
/// (worker, round, start and end from the database clock), pausing between the two, so a test can check that
/// no two sections overlap. The table must exist. Prints `done N` at the end.
struct LockRoundsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lock-rounds")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The order reference to lock.")
    var order: String

    @Option(help: "How many times to take the lock.")
    var rounds: Int = 50

    @Option(help: "This worker's name in the log.")
    var worker: String

    @Option(help: "How long each critical section lasts, in milliseconds.")
    var holdMs: Int = 3

    @Option(help: "Wait until this unix time (seconds, fractional) before the first round.")
    var startAt: Double?

    func run() async throws {
        let (order, rounds, worker, holdMs, startAt, schema) = (order, rounds, worker, holdMs, startAt, database.schema)
        let reference = try OrderReference(order)
        try await database.withClient { client, _ in
            let lock = PostgresOrderLock(client: client)
            let log = "\(schema).lock_log"
            if let startAt { try await sleepUntil(startAt) }
            for round in 1...rounds {
                try await lock.withLock(reference) {
                    try await client.query("""
                        INSERT INTO \(unescaped: log) (worker, round, started_at) VALUES (\(worker), \(round), clock_timestamp())
                        """)
                    try await Task.sleep(for: .milliseconds(holdMs))
                    try await client.query("""
                        UPDATE \(unescaped: log) SET ended_at = clock_timestamp() WHERE worker = \(worker) AND round = \(round)
                        """)
                }
            }
            say("done \(rounds)")
        }
    }
}
#endif
