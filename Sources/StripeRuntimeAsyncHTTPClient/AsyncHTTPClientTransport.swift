#if AsyncHTTPClient
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import StripeRuntime

/// A transport built on AsyncHTTPClient, for servers that already run on SwiftNIO.
public struct AsyncHTTPClientTransport: StripeRuntime.HTTPTransport {
    private let client: HTTPClient
    private let maxResponseBytes: Int

    /// Sends through `client` (by default `defaultClient`, which needs no shutdown); answers larger
    /// than `maxResponseBytes` fail as connection errors.
    public init(client: HTTPClient = AsyncHTTPClientTransport.defaultClient, maxResponseBytes: Int = 16 * 1024 * 1024) {
        self.client = client
        self.maxResponseBytes = maxResponseBytes
    }

    /// A process-wide client that lives as long as the process. Unlike `HTTPClient.shared` it
    /// gives up on a connection that cannot be established instead of retrying until the request
    /// deadline, because `StripeClient` already retries connection failures with backoff.
    public static let defaultClient: HTTPClient = {
        var configuration = HTTPClient.Configuration.singletonConfiguration
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout.connect = .seconds(10)
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    /// Sends the request; network failures become `connection` errors and deadlines `timeout`.
    public func send(_ request: StripeRuntime.HTTPRequest) async throws -> StripeRuntime.HTTPResponse {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = NIOHTTP1.HTTPMethod(rawValue: request.method.rawValue)
        for field in request.headers {
            outgoing.headers.add(name: field.name, value: field.value)
        }
        if let body = request.body {
            outgoing.body = .bytes(ByteBuffer(bytes: body))
        }
        let timeout = TimeAmount.nanoseconds(nanoseconds(of: request.timeout))
        do {
            let response = try await client.execute(outgoing, timeout: timeout)
            let body = try await response.body.collect(upTo: maxResponseBytes)
            var headers = StripeRuntime.HTTPHeaders()
            for (name, value) in response.headers {
                headers.add(name: name, value: value)
            }
            return StripeRuntime.HTTPResponse(
                status: Int(response.status.code),
                headers: headers,
                body: Data(body.readableBytesView)
            )
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as HTTPClientError
            where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
            throw StripeError.timeout(after: request.timeout)
        } catch {
            throw StripeError.connection(String(describing: error))
        }
    }

    private func nanoseconds(of duration: Duration) -> Int64 {
        let parts = duration.components
        let (scaled, overflow) = parts.seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? Int64.max : scaled &+ parts.attoseconds / 1_000_000_000
    }
}
#endif
