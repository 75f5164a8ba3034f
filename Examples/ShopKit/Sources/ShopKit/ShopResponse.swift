import Foundation

/// What the shop answers a request with, whatever framework serves it: a status, the headers that matter here
/// (content type, location) and a body.
public struct ShopResponse: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// The `Content-Type`, when there is a body.
    public var contentType: String?
    /// The `Location` of a redirect.
    public var location: String?
    /// The body's bytes.
    public var body: Data

    /// An HTML page.
    static func html(_ page: String, status: Int = 200) -> ShopResponse {
        ShopResponse(status: status, contentType: "text/html; charset=utf-8", location: nil, body: Data(page.utf8))
    }

    /// A plain-text answer (webhooks: Stripe's delivery log shows it).
    static func text(_ text: String, status: Int) -> ShopResponse {
        ShopResponse(status: status, contentType: "text/plain; charset=utf-8", location: nil, body: Data((text + "\n").utf8))
    }

    /// A 303 to `location`: after a form post or a decision, the browser loads the page it names.
    static func redirect(_ location: String) -> ShopResponse {
        ShopResponse(status: 303, contentType: nil, location: location, body: Data())
    }

    /// `value` as JSON with sorted keys.
    static func json(_ value: some Encodable) throws -> ShopResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return ShopResponse(status: 200, contentType: "application/json", location: nil, body: try encoder.encode(value))
    }
}
