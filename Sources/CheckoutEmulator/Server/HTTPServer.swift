#if Emulator
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import StripeRuntime

/// A small HTTP/1.1 server on SwiftNIO that hands each request to the engine and writes its
/// answer, or closes the connection without one when the engine says to drop it.
final class EmulatorHTTPServer: Sendable {
    typealias Connection = NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>

    private let serverChannel: NIOAsyncChannel<Connection, Never>
    private let runTask: Task<Void, Never>
    /// The port actually bound (useful when 0 was asked for).
    let port: Int

    private init(serverChannel: NIOAsyncChannel<Connection, Never>, runTask: Task<Void, Never>, port: Int) {
        self.serverChannel = serverChannel
        self.runTask = runTask
        self.port = port
    }

    /// Binds `host:port` and starts serving with `handler`.
    static func start(
        host: String, port: Int,
        handler: @escaping @Sendable (EmulatorRequest) async -> EmulatorOutcome
    ) async throws -> EmulatorHTTPServer {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    return try Connection(wrappingChannelSynchronously: channel)
                }
            }
        guard let bound = channel.channel.localAddress?.port else {
            try? await channel.channel.close()
            throw EmulatorStartError("The server bound \(host):\(port) but has no local port")
        }
        let task = Task<Void, Never> {
            _ = try? await channel.executeThenClose { inbound in
                try await withThrowingDiscardingTaskGroup { group in
                    for try await connection in inbound {
                        group.addTask { await serve(connection, handler: handler) }
                    }
                }
            }
        }
        return EmulatorHTTPServer(serverChannel: channel, runTask: task, port: bound)
    }

    /// Stops accepting connections and closes open ones.
    func stop() async {
        try? await serverChannel.channel.close()
        runTask.cancel()
        await runTask.value
    }

    private static func serve(_ connection: Connection, handler: @Sendable (EmulatorRequest) async -> EmulatorOutcome) async {
        _ = try? await connection.executeThenClose { inbound, outbound in
            var head: HTTPRequestHead?
            var body = ByteBuffer()
            for try await part in inbound {
                switch part {
                case .head(let received):
                    head = received
                    body.clear()
                case .body(var chunk):
                    body.writeBuffer(&chunk)
                case .end:
                    guard let request = head else { continue }
                    let outcome = await handler(emulatorRequest(request, body: body))
                    guard case .respond(let response) = outcome else { return }
                    try await write(response, keepAlive: request.isKeepAlive, version: request.version, to: outbound)
                    if !request.isKeepAlive { return }
                }
            }
        }
    }

    private static func emulatorRequest(_ head: HTTPRequestHead, body: ByteBuffer) -> EmulatorRequest {
        let target = head.uri
        let path: Substring
        let query: Substring
        if let mark = target.firstIndex(of: "?") {
            path = target[..<mark]
            query = target[target.index(after: mark)...]
        } else {
            path = target[...]
            query = ""
        }
        var headers = StripeRuntime.HTTPHeaders()
        for (name, value) in head.headers { headers.add(name: name, value: value) }
        return EmulatorRequest(
            method: head.method.rawValue, path: String(path), query: String(query), headers: headers,
            body: Data(body.readableBytesView)
        )
    }

    private static func write(
        _ response: EmulatorResponse, keepAlive: Bool, version: HTTPVersion,
        to outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>
    ) async throws {
        var headers = NIOHTTP1.HTTPHeaders()
        for field in response.headers { headers.add(name: field.name, value: field.value) }
        headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
        headers.replaceOrAdd(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        let head = HTTPResponseHead(version: version, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
        try await outbound.write(.head(head))
        try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: response.body))))
        try await outbound.write(.end(nil))
    }
}
#endif
