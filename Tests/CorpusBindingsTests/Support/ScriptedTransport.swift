import Foundation
import StripeRuntime

/// A transport that answers from a script of JSON bodies and records every request it was given.
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var script: [String]
    private var recorded: [HTTPRequest] = []

    init(_ script: [String]) {
        self.script = script
    }

    var requests: [HTTPRequest] { lock.withLock { recorded } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        lock.withLock {
            recorded.append(request)
            guard !script.isEmpty else {
                return HTTPResponse(status: 500, body: Data(#"{"error": {"type": "api_error"}}"#.utf8))
            }
            return HTTPResponse(status: 200, headers: ["Content-Type": "application/json"], body: Data(script.removeFirst().utf8))
        }
    }

    /// A client of the workshop API that sends through this transport and never retries.
    var client: StripeClient {
        StripeClient(apiKey: "sk_test_corpus_1",
                     configuration: StripeConfiguration(baseURL: URL(string: "https://api.workshop.test")!, maxNetworkRetries: 0),
                     transport: self)
    }
}

extension HTTPRequest {
    /// The path and the decoded query, as `/v1/widgets?limit=2&starting_after=wd_2`.
    var target: String {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        let query = (components?.queryItems ?? []).map { "\($0.name)=\($0.value ?? "")" }.joined(separator: "&")
        return (components?.path ?? "") + (query.isEmpty ? "" : "?" + query)
    }
}
