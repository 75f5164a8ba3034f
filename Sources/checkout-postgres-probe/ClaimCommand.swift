#if PostgreSQL
import ArgumentParser
import CheckoutWorkflowsPostgres
import Foundation

/// Claims one webhook event and, when it wins, "handles" it for `--hold-ms` before recording it handled:
/// prints `claimed`, then `handled`; or `duplicate` when another claim holds the event.
struct ClaimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "claim")

    @OptionGroup var database: DatabaseOptions

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
        try await database.withClient { client, tables in
            let store = PostgresProcessedEventStore(client: client, tables: tables, lease: .milliseconds(leaseMs))
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

/// Sleeps until the wall clock reaches `unixTime`.
func sleepUntil(_ unixTime: Double) async throws {
    let wait = unixTime - Date().timeIntervalSince1970
    if wait > 0 { try await Task.sleep(for: .milliseconds(Int(wait * 1_000))) }
}
#endif
