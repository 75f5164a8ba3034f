import Foundation

/// Order ids between the shop's addresses and its pages: an address carries an id percent-encoded, pages and
/// Stripe see it decoded, and links encode it again.
enum OrderID {
    /// Characters an id keeps as they are inside one path segment.
    private static let segmentSafe = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// The id a path segment names, decoded once (a framework that already decoded it gives text without escapes,
    /// which stays as it is).
    static func decode(_ segment: String) -> String {
        segment.removingPercentEncoding ?? segment
    }

    /// `id` as one path segment.
    static func segment(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: segmentSafe) ?? id
    }

    /// A fresh id for an order started from the front page.
    static func fresh(_ product: ShopProduct) -> String {
        "\(product.rawValue)-\(UUID().uuidString.prefix(8).lowercased())"
    }
}
