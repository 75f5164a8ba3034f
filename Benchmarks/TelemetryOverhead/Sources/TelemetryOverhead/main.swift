import Foundation
import StripeCheckout
import StripeRuntime

// Times `checkout.sessions.retrieve` through a transport that answers at once with a saved session: the client's
// whole path (params, request, retries, telemetry, decoding) without a network, and with no tracer or metrics
// backend bootstrapped. Prints `retrieve_per_call: <µs> us`.
//
//   TelemetryOverhead CALLS SESSION_JSON

/// Answers every request with `body`.
struct AnsweringTransport: HTTPTransport {
    let body: Data
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        HTTPResponse(status: 200, headers: ["Content-Type": "application/json", "Request-Id": "req_overhead"], body: body)
    }
}

let arguments = CommandLine.arguments
guard arguments.count == 3, let calls = Int(arguments[1]), calls > 0 else {
    FileHandle.standardError.write(Data("usage: TelemetryOverhead CALLS SESSION_JSON\n".utf8))
    exit(64)
}
let body = try Data(contentsOf: URL(fileURLWithPath: arguments[2]))
let stripe = StripeClient(apiKey: "sk_test_overhead", transport: AnsweringTransport(body: body))

/// Runs the calls off the main actor, as a server's request handlers do.
@Sendable func run(_ calls: Int) async throws -> Duration {
    _ = try await stripe.checkout.sessions.retrieve("cs_test_overhead")
    let clock = ContinuousClock()
    let started = clock.now
    for _ in 0..<calls {
        _ = try await stripe.checkout.sessions.retrieve("cs_test_overhead")
    }
    return clock.now - started
}

let elapsed = try await Task.detached { try await run(calls) }.value
let (seconds, attoseconds) = elapsed.components
let microseconds = (Double(seconds) * 1e6 + Double(attoseconds) / 1e12) / Double(calls)
print("retrieve_per_call: \(String(format: "%.2f", microseconds)) us")
