#if Emulator
import FlyingFox
import Foundation
import StripeRuntime

/// A webhook endpoint on 127.0.0.1 that records every delivery and answers the statuses it was
/// told to (200 once the list runs out).
final class WebhookReceiver: @unchecked Sendable {
    struct Delivery: Sendable {
        var body: Data
        var signature: String?
    }

    private let lock = NSLock()
    private var statuses: [Int]
    private var received: [Delivery] = []
    private let server: HTTPServer
    private var runTask: Task<Void, any Error>?

    init(statuses: [Int] = []) throws {
        self.statuses = statuses
        self.server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 10, logger: .disabled)
    }

    var deliveries: [Delivery] { lock.withLock { received } }

    /// Starts listening and returns the endpoint's URL.
    func start() async throws -> URL {
        await server.appendRoute("POST /webhooks") { [self] request in
            let body = try await request.bodyData
            let status: Int = lock.withLock {
                received.append(Delivery(body: body, signature: request.headers[HTTPHeader("Stripe-Signature")]))
                return statuses.isEmpty ? 200 : statuses.removeFirst()
            }
            return HTTPResponse(statusCode: HTTPStatusCode(status, phrase: "Scripted"))
        }
        runTask = Task { try await server.run() }
        try await server.waitUntilListening()
        guard case .ip4(_, let port)? = await server.listeningAddress,
              let url = URL(string: "http://127.0.0.1:\(port)/webhooks") else {
            throw StripeError.connection("webhook receiver has no IPv4 address")
        }
        return url
    }

    func stop() async {
        await server.stop(timeout: 0)
        runTask?.cancel()
    }
}
#endif
