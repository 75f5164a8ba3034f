import Foundation
import StripeRuntime

/// A transport that answers from a script and remembers every request it was given.
final class RecordingTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var script: [Result<HTTPResponse, StripeError>]
    private var recorded: [HTTPRequest] = []
    private let fallback: @Sendable (HTTPRequest) -> HTTPResponse

    init(
        _ script: [Result<HTTPResponse, StripeError>] = [],
        fallback: @escaping @Sendable (HTTPRequest) -> HTTPResponse = { _ in HTTPResponse(status: 200, body: Data("{}".utf8)) }
    ) {
        self.script = script
        self.fallback = fallback
    }

    var requests: [HTTPRequest] {
        lock.withLock { recorded }
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let next: Result<HTTPResponse, StripeError>? = lock.withLock {
            recorded.append(request)
            return script.isEmpty ? nil : script.removeFirst()
        }
        guard let next else { return fallback(request) }
        return try next.get()
    }
}

/// Collects values from concurrent code, for later assertions.
final class Recorder<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Value] = []

    func append(_ value: Value) {
        lock.withLock { stored.append(value) }
    }

    var values: [Value] {
        lock.withLock { stored }
    }
}

extension HTTPResponse {
    /// A JSON answer with the given status.
    static func json(_ status: Int, _ body: String, headers: HTTPHeaders = [:]) -> HTTPResponse {
        var headers = headers
        headers["Content-Type"] = "application/json"
        return HTTPResponse(status: status, headers: headers, body: Data(body.utf8))
    }
}

extension StripeConfiguration {
    /// A configuration for tests: no real waiting (waits are recorded) and jitter fixed at the middle.
    static func testing(
        baseURL: URL = URL(string: "https://api.stripe.test")!,
        sleeps: Recorder<Duration> = Recorder(),
        maxNetworkRetries: Int = 2
    ) -> StripeConfiguration {
        StripeConfiguration(
            baseURL: baseURL,
            apiVersion: "2023-08-16",
            maxNetworkRetries: maxNetworkRetries,
            sleep: { sleeps.append($0) },
            random: { 0.5 }
        )
    }
}
