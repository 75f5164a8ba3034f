import CheckoutWorkflows
import Foundation
import Testing

/// What every processed-event store promises: a delivery Stripe repeats runs the handler once.
let eventPromises: [Promise] = [
    Promise(name: "events: concurrent claims of the same events from two instances, exactly one wins each") { backend in
        try await backend.withStorage { open in
            let (first, second) = (try await open(), try await open())
            let stores = [first.events(.seconds(60)), second.events(.seconds(60))]
            let ids = (0..<40).map { "evt_race_\($0)" }
            let wins = try await withThrowingTaskGroup(of: (String, Bool).self) { group in
                for id in ids {
                    for store in stores + stores { group.addTask { (id, try await store.claim(id)) } }
                }
                return try await group.reduce(into: [String: Int]()) { if $1.1 { $0[$1.0, default: 0] += 1 } }
            }
            #expect(wins.count == ids.count, "\(backend.name): events nobody won: \(Set(ids).subtracting(wins.keys).sorted())")
            #expect(wins.values.allSatisfy { $0 == 1 }, "\(backend.name): winners per event: \(wins.filter { $0.value != 1 })")
        }
    },
    Promise(name: "events: a handler that throws releases its claim, the next delivery runs it, and a handled event stays a duplicate") { backend in
        try await backend.withStorage { open in
            let stores = try await open()
            let events = stores.events(.seconds(60))
            let runs = Counter()
            struct HandlerFailed: Error {}
            await #expect(throws: HandlerFailed.self) {
                try await deliver("evt_flaky", to: events) { runs.add(); throw HandlerFailed() }
            }
            #expect(try await deliver("evt_flaky", to: events) { runs.add() } == .handled, "the released event is retried")
            #expect(try await deliver("evt_flaky", to: events) { runs.add() } == .duplicate)
            #expect(runs.value == 2)
            #expect(try await events.claim("evt_other"), "other events are independent")
            #expect(try await events.claim("evt_other") == false, "a claimed event is a duplicate while its handler runs")
        }
    },
    Promise(name: "events: a claim held by another delivery is in progress, one finished as handled is handled, across instances") { backend in
        try await backend.withStorage { open in
            let (first, second) = (try await open(), try await open())
            let holder = first.events(.seconds(60))
            let other = second.events(.seconds(60))
            #expect(try await holder.claimForHandling("evt_busy") == .claimed)
            #expect(try await other.claimForHandling("evt_busy") == .inProgress,
                    "\(backend.name): a redelivery while the handler runs must not be acknowledged as handled")
            try await holder.finish("evt_busy", handled: false)
            #expect(try await other.claimForHandling("evt_busy") == .claimed, "released: the next delivery runs it")
            try await other.finish("evt_busy", handled: true)
            #expect(try await holder.claimForHandling("evt_busy") == .alreadyHandled)
            #expect(try await other.claimForHandling("evt_busy") == .alreadyHandled)
        }
    },
    Promise(name: "events: a claim whose lease ran out is claimed again, and the first claimer's late finish is refused",
            requires: [.claimLeases]) { backend in
        try await backend.withStorage { open in
            let (first, second) = (try await open(), try await open())
            let slow = first.events(.milliseconds(400))
            let next = second.events(.seconds(60))
            #expect(try await slow.claim("evt_slow"))
            #expect(try await next.claim("evt_slow") == false, "the lease still runs")
            try await eventually("the lease of evt_slow ran out") { try await next.claim("evt_slow") }
            let late = await #expect(throws: (any Error).self) { try await slow.finish("evt_slow", handled: false) }
            #expect(late.map(backend.isClaimLost) == true, "\(String(describing: late))")
            #expect(try await slow.claim("evt_slow") == false, "the late release did not undo the new claim")
            try await next.finish("evt_slow", handled: true)
            #expect(try await next.claim("evt_slow") == false)
        }
    },
    Promise(name: "events: a handled event has no lease to run out, and finishing an unclaimed event is refused",
            requires: [.claimLeases]) { backend in
        try await backend.withStorage { open in
            let events = try await open().events(.milliseconds(100))
            #expect(try await events.claim("evt_done"))
            try await events.finish("evt_done", handled: true)
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await events.claim("evt_done") == false)
            let error = await #expect(throws: (any Error).self) { try await events.finish("evt_never", handled: true) }
            #expect(error.map(backend.isClaimLost) == true, "\(String(describing: error))")
        }
    },
    Promise(name: "events: after a restart, handled events stay duplicates, released ones run, and a dead process's claim holds until its lease ends",
            requires: [.survivesRestart, .claimLeases]) { backend in
        try await backend.withStorage { open in
            let before = try await open()
            let events = before.events(.seconds(2))
            for id in ["evt_handled", "evt_released", "evt_in_flight"] { #expect(try await events.claim(id)) }
            try await events.finish("evt_handled", handled: true)
            try await events.finish("evt_released", handled: false)
            // The process ends with evt_in_flight's handler still running.
            try await before.close()

            let after = try await open().events(.seconds(60))
            #expect(try await after.claim("evt_handled") == false)
            #expect(try await after.claim("evt_released"))
            #expect(try await after.claim("evt_in_flight") == false, "the dead handler's lease still runs")
            try await eventually("the dead handler's lease ran out") { try await after.claim("evt_in_flight") }
            try await after.finish("evt_in_flight", handled: true)
            #expect(try await after.claim("evt_in_flight") == false)
        }
    },
]

/// What a delivery came to.
enum Delivery: Equatable { case handled, duplicate }

/// Delivers `eventID` as the webhook handler does: claim, run `handler`, record handled, or released if it threw.
func deliver(_ eventID: String, to store: any ProcessedEventStore, handler: @Sendable () async throws -> Void)
    async throws -> Delivery
{
    guard try await store.claim(eventID) else { return .duplicate }
    do {
        try await handler()
    } catch {
        try await store.finish(eventID, handled: false)
        throw error
    }
    try await store.finish(eventID, handled: true)
    return .handled
}

/// Polls `condition` until it holds; fails after `timeout`.
func eventually(_ what: Comment, timeout: Duration = .seconds(20), _ condition: () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + timeout
    while try await !condition() {
        try #require(ContinuousClock.now < deadline, "timed out waiting: \(what)")
        try await Task.sleep(for: .milliseconds(25))
    }
}

/// A count shared between tasks.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func add() { lock.withLock { count += 1 } }
    func subtract() { lock.withLock { count -= 1 } }
    var value: Int { lock.withLock { count } }
}
