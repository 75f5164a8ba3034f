#if Emulator
import CheckoutEmulator
import Foundation
import StripeRuntime
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Refuses every redirect, so a test sees the `303` and its `Location` itself.
final class RedirectRefuser: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}

/// A transport like a browser's without following redirects, and without any API key.
let pageTransport: URLSessionTransport = {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.urlCache = nil
    configuration.httpCookieStorage = nil
    return URLSessionTransport(session: URLSession(configuration: configuration, delegate: RedirectRefuser(), delegateQueue: nil))
}()

/// What a browser would get for `path` on the emulator: a GET, or a POST of a form (`body`).
func browserRequest(_ emulator: CheckoutEmulator, _ method: HTTPMethod, _ path: String, form: String? = nil) async throws -> HTTPResponse {
    let url = try #require(URL(string: emulator.baseURL.absoluteString + path))
    var headers: HTTPHeaders = [:]
    if form != nil { headers["Content-Type"] = "application/x-www-form-urlencoded" }
    return try await pageTransport.send(HTTPRequest(method: method, url: url, headers: headers, body: form.map { Data($0.utf8) }))
}

/// The page's path from a session's `url`, checking that the url points at `emulator`.
func checkoutPagePath(_ url: String?, on emulator: CheckoutEmulator) throws -> String {
    let url = try #require(url)
    let prefix = emulator.baseURL.absoluteString
    try #require(url.hasPrefix(prefix + "/c/pay/"), "\(url) is not on \(prefix)")
    return String(url.dropFirst(prefix.count))
}

extension HTTPResponse {
    /// The body read as UTF-8 text.
    var text: String { String(decoding: body, as: UTF8.self) }
}
#endif
