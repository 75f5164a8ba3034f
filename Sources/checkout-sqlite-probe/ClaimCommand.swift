#if SQLite
import ArgumentParser
import CheckoutWorkflowsSQLite

/// Claims one webhook event and, when it wins, "handles" it for `--hold-ms` before recording it handled: prints
/// `claimed`, then `handled`; or `duplicate` when another claim holds the event.
struct ClaimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "claim")

    @OptionGroup var options: DatabaseOptions

    @Option(help: "The event id to claim.")
    var event: String

    @Option(help: "Claim lease in milliseconds.")
    var leaseMs: Int = 300_000

    @Option(help: "How long the pretend handler runs, in milliseconds.")
    var holdMs: Int = 0

    @Option(help: "Wait until this unix time (seconds, fractional) before claiming, so racers start together.")
    var startAt: Double?

    func run() async throws {
        let (event, leaseMs, holdMs, startAt) = (event, leaseMs, holdMs, startAt)
        try await options.withDatabase { database in
            let store = SQLiteProcessedEventStore(database: database, lease: .milliseconds(leaseMs))
            if let startAt { try await sleepUntil(startAt) }
            guard try await store.claim(event) else {
                say("duplicate")
                return
            }
            say("claimed")
            try await Task.sleep(for: .milliseconds(holdMs))
            try await store.finish(event, handled: true)
            say("handled")
        }
    }
}
#endif
