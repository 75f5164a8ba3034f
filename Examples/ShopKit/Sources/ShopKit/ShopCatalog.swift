import Foundation
import StripeCheckout
import StripeRuntime

/// The shop's prices on Stripe, one per product, made at start-up when missing: found by `lookup_key`, else
/// created with an idempotency key of that lookup key, so servers starting at once end with one price each.
public struct ShopCatalog: Sendable {
    /// One product's price as Stripe holds it.
    public struct Entry: Sendable, Equatable {
        /// The price id (`price_…`), what a session's line item names.
        public var priceID: String
        /// What one unit costs, in cents.
        public var unitAmount: Int
        /// The price's currency.
        public var currency: String
    }

    private let entries: [ShopProduct: Entry]

    /// The price of `product`.
    public func entry(_ product: ShopProduct) -> Entry {
        // `prepare` fills every product; the fallback keeps a hand-made catalog from crashing a page.
        entries[product] ?? Entry(priceID: "", unitAmount: product.defaultUnitAmount, currency: "usd")
    }

    /// A catalog of known prices, for tests and for shops that manage their prices elsewhere.
    public init(entries: [ShopProduct: Entry]) {
        self.entries = entries
    }

    /// Finds each product's active price by lookup key, creating the ones missing.
    public static func prepare(_ stripe: StripeClient) async throws -> ShopCatalog {
        var entries: [ShopProduct: Entry] = [:]
        for product in ShopProduct.allCases {
            entries[product] = try await price(of: product, stripe)
        }
        return ShopCatalog(entries: entries)
    }

    private static func price(of product: ShopProduct, _ stripe: StripeClient) async throws -> Entry {
        if let found = try await find(product, stripe) { return found }
        var options = RequestOptions()
        options.idempotencyKey = "shop-catalog:\(product.lookupKey):\(product.defaultUnitAmount)"
        do {
            let created = try await stripe.prices.create(.init(
                currency: "usd", lookupKey: product.lookupKey, productData: .init(name: product.name),
                recurring: product.isMonthly ? .init(interval: .month) : nil, unitAmount: product.defaultUnitAmount),
                options: options)
            return Entry(priceID: created.id, unitAmount: created.unitAmount ?? product.defaultUnitAmount,
                         currency: created.currency ?? "usd")
        } catch {
            // Another server took the lookup key between our look and our create: its price is the one.
            if let found = try await find(product, stripe) { return found }
            throw error
        }
    }

    private static func find(_ product: ShopProduct, _ stripe: StripeClient) async throws -> Entry? {
        let page = try await stripe.prices.listPage(.init(active: true, limit: 1, lookupKeys: [product.lookupKey]))
        return page.data.first.map { price in
            Entry(priceID: price.id, unitAmount: price.unitAmount ?? product.defaultUnitAmount,
                  currency: price.currency ?? "usd")
        }
    }
}
