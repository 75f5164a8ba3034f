import FlyingFox
import Foundation
import StripeRuntime

/// A real HTTP server on 127.0.0.1 (ephemeral port) that answers from a script of responses and
/// records what it received, so client behaviour is tested over actual sockets.
final class LocalHTTPServer: @unchecked Sendable {
    struct Received: Sendable {
        var method: String
        var path: String
        var query: [String: String]
        var headers: [String: String]
        var body: String
    }

    struct Reply: Sendable {
        var status: Int
        var headers: [String: String] = [:]
        var body: String = "{}"
        var delay: Duration = .zero
    }

    private let lock = NSLock()
    private var replies: [Reply]
    private var log: [Received] = []
    private let server: HTTPServer
    private var runTask: Task<Void, any Error>?

    init(replies: [Reply]) throws {
        self.replies = replies
        self.server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 10, logger: .disabled)
    }

    var received: [Received] {
        lock.withLock { log }
    }

    /// Starts listening and returns the base URL.
    func start() async throws -> URL {
        await server.appendRoute("*") { [self] request in
            try await self.handle(request)
        }
        runTask = Task { try await server.run() }
        try await server.waitUntilListening()
        guard case .ip4(_, let port)? = await server.listeningAddress,
              let url = URL(string: "http://127.0.0.1:\(port)") else {
            throw StripeError.connection("test server has no IPv4 address")
        }
        return url
    }

    func stop() async {
        await server.stop(timeout: 0)
        runTask?.cancel()
    }

    private func handle(_ request: FlyingFox.HTTPRequest) async throws -> FlyingFox.HTTPResponse {
        let body = String(decoding: try await request.bodyData, as: UTF8.self)
        var headers: [String: String] = [:]
        for (name, value) in request.headers {
            headers[name.rawValue.lowercased()] = value
        }
        var query: [String: String] = [:]
        for item in request.query { query[item.name] = item.value }
        let received = Received(method: request.method.rawValue, path: request.path, query: query, headers: headers, body: body)
        let reply: Reply = lock.withLock {
            log.append(received)
            return replies.isEmpty ? Reply(status: 200) : replies.removeFirst()
        }
        if reply.delay > .zero {
            try? await Task.sleep(for: reply.delay)
        }
        var responseHeaders = FlyingFox.HTTPHeaders()
        responseHeaders[HTTPHeader("Content-Type")] = "application/json"
        for (name, value) in reply.headers {
            responseHeaders[HTTPHeader(name)] = value
        }
        return FlyingFox.HTTPResponse(
            statusCode: HTTPStatusCode(reply.status, phrase: "Scripted"),
            headers: responseHeaders,
            body: Data(reply.body.utf8)
        )
    }
}

/// Runs `body` against a fresh server with the given replies, stopping it afterwards.
func withLocalServer<T>(
    _ replies: [LocalHTTPServer.Reply],
    _ body: (URL, LocalHTTPServer) async throws -> T
) async throws -> T {
    let server = try LocalHTTPServer(replies: replies)
    let url = try await server.start()
    do {
        let result = try await body(url, server)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}
