import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The default transport, built on Foundation's `URLSession`.
public struct URLSessionTransport: HTTPTransport {
    private let session: URLSession

    /// Uses `session`, or a shared ephemeral session without caching or cookies.
    public init(session: URLSession? = nil) {
        self.session = session ?? URLSessionTransport.defaultSession
    }

    private static let defaultSession: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        return URLSession(configuration: configuration)
    }()

    /// Sends the request; failures to connect become `connection` errors and timeouts `timeout`.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method.rawValue
        urlRequest.timeoutInterval = URLSessionTransport.timeoutInterval(for: request.timeout)
        for field in request.headers {
            urlRequest.addValue(field.value, forHTTPHeaderField: field.name)
        }
        urlRequest.httpBody = request.body

        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: urlRequest)
        } catch let error as URLError where error.code == .timedOut {
            throw StripeError.timeout(after: request.timeout)
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as URLError where error.code == .cancelled {
            throw Task.isCancelled ? CancellationError() : StripeError.connection(error.localizedDescription)
        } catch {
            throw StripeError.connection(String(describing: error))
        }
        guard let http = response as? HTTPURLResponse else {
            throw StripeError.connection("The response was not an HTTP response")
        }
        var headers = HTTPHeaders()
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String {
                headers.add(name: name, value: value)
            }
        }
        return HTTPResponse(status: http.statusCode, headers: headers, body: data)
    }

    /// The interval to give Foundation. On Linux, FoundationNetworking drops the fraction of a
    /// timeout (so 0.5 s would expire at once); there it is rounded up to whole seconds.
    static func timeoutInterval(for timeout: Duration) -> TimeInterval {
        let seconds = max(timeout.secondsValue, 0.001)
        #if canImport(FoundationNetworking)
        return seconds.rounded(.up)
        #else
        return seconds
        #endif
    }
}
