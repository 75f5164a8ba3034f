#if SQLite
import ArgumentParser
import CheckoutWorkflows
import CheckoutWorkflowsSQLite
import Foundation

/// Takes the order lock `--rounds` times. Inside each critical section it creates `--marker` exclusively (`O_EXCL`:
/// creation fails while another section holds it), pauses, and removes it; it prints `section <worker> <round>
/// <start> <end>` (unix seconds) per round, `overlap <round>` if the marker already existed, and `done N` at the end.
struct LockRoundsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lock-rounds")

    @OptionGroup var options: DatabaseOptions

    @Option(help: "The order reference to lock.")
    var order: String

    @Option(help: "How many times to take the lock.")
    var rounds: Int = 50

    @Option(help: "This worker's name in the output.")
    var worker: String

    @Option(help: "A file that exists only inside a critical section.")
    var marker: String

    @Option(help: "How long each critical section lasts, in milliseconds.")
    var holdMs: Int = 3

    @Option(help: "Wait until this unix time (seconds, fractional) before the first round.")
    var startAt: Double?

    func run() async throws {
        let (order, rounds, worker, marker, holdMs, startAt) = (order, rounds, worker, marker, holdMs, startAt)
        let reference = try OrderReference(order)
        try await options.withDatabase { database in
            let lock = SQLiteOrderLock(database: database)
            if let startAt { try await sleepUntil(startAt) }
            for round in 1...rounds {
                try await lock.withLock(reference) {
                    let start = Date().timeIntervalSince1970
                    let descriptor = open(marker, O_CREAT | O_EXCL | O_WRONLY, 0o644)
                    if descriptor < 0 { say("overlap \(round)") } else { close(descriptor) }
                    try await Task.sleep(for: .milliseconds(holdMs))
                    if descriptor >= 0 { unlink(marker) }
                    say("section \(worker) \(round) \(start) \(Date().timeIntervalSince1970)")
                }
            }
            say("done \(rounds)")
        }
    }
}
#endif
