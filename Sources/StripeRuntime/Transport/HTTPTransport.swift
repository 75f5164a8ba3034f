import Foundation

/// Sends one HTTP request and returns the answer; the client layers retries, headers and decoding
/// on top. Implementations exist for URLSession and AsyncHTTPClient, and tests supply their own.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the response, whatever its status. Throws only when no response
    /// arrived (ideally a `StripeError` of kind `connection` or `timeout`).
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

/// The method of an API request: every method a spec's operations may use that generated bindings send.
public enum HTTPMethod: String, Sendable, Hashable, CaseIterable {
    /// Read a resource or list.
    case get = "GET"
    /// Create, update or act on a resource.
    case post = "POST"
    /// Delete a resource.
    case delete = "DELETE"
    /// Replace a resource; its params travel in a form body, as POST's do.
    case put = "PUT"
    /// Update part of a resource; its params travel in a form body, as POST's do.
    case patch = "PATCH"
    /// Read a resource's headers only: the answer has no body, its params travel in the query.
    case head = "HEAD"

    /// Whether the params travel in an `application/x-www-form-urlencoded` body (with an idempotency key, so that
    /// retries are safe) rather than in the query string.
    public var sendsFormBody: Bool {
        switch self {
        case .post, .put, .patch: return true
        case .get, .delete, .head: return false
        }
    }
}

/// A fully built request, ready for a transport.
public struct HTTPRequest: Sendable {
    /// The method.
    public var method: HTTPMethod
    /// The absolute URL, including any query string.
    public var url: URL
    /// The header fields.
    public var headers: HTTPHeaders
    /// The body, for POST, PUT and PATCH requests.
    public var body: Data?
    /// How long to wait for the answer.
    public var timeout: Duration

    /// Creates a request.
    public init(method: HTTPMethod, url: URL, headers: HTTPHeaders = [:], body: Data? = nil, timeout: Duration = .seconds(80)) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}

/// An answer from the server.
public struct HTTPResponse: Sendable {
    /// The status code.
    public var status: Int
    /// The header fields.
    public var headers: HTTPHeaders
    /// The body bytes.
    public var body: Data

    /// Creates a response.
    public init(status: Int, headers: HTTPHeaders = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

extension Duration {
    /// The duration in seconds as a floating-point value.
    var secondsValue: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
