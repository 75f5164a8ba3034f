#if Emulator
import CheckoutEmulator
import Foundation
import StripeCheckout
import StripeRuntime
import Testing

@Suite("Products and prices through the API, and the line items that sell them")
struct CatalogTests {
    @Test("a product and its prices are created, listed by lookup key, retrieved and sold by a session")
    func catalogThroughTheAPI() async throws {
        try await withEmulator { emulator in
            let stripe = makeClient(emulator)
            let mug = try await stripe.products.create(.init(description: "A blue mug", metadata: ["sku": "M-1"], name: "Mug"))
            #expect(mug.id.hasPrefix("prod_"))
            #expect(mug.name == "Mug")
            #expect(mug.active == true)
            #expect(mug.metadata == ["sku": "M-1"])
            let price = try await stripe.prices.create(.init(currency: "EUR", lookupKey: "mug-eur", product: mug.id,
                                                              unitAmount: 1250))
            #expect(price.currency == "eur")
            #expect(price.lookupKey == "mug-eur")
            #expect(price.product?.id == mug.id)
            #expect(price.type == .oneTime)
            let monthly = try await stripe.prices.create(.init(
                currency: "eur", lookupKey: "club-monthly", productData: .init(name: "Mug club"),
                recurring: .init(interval: .month), unitAmount: 900))
            #expect(monthly.recurring?.interval == .month)
            #expect(monthly.type == .recurring)

            let found = try await stripe.prices.listPage(.init(lookupKeys: ["mug-eur"]))
            #expect(found.data.map(\.id) == [price.id])
            #expect(try await stripe.prices.listPage(.init(product: mug.id)).data.map(\.id) == [price.id])
            #expect(try await stripe.prices.listPage(.init(type: .recurring)).data.map(\.id) == [monthly.id])
            #expect(try await stripe.prices.retrieve(price.id).unitAmount == 1250)
            #expect(try await stripe.products.retrieve(mug.id).description == "A blue mug")

            let session = try await stripe.checkout.sessions.create(.init(
                lineItems: [.init(price: price.id, quantity: 3)], mode: .payment,
                successURL: "https://shop.example/ok"))
            #expect(session.amountTotal == 3750)
            #expect(session.currency == "eur")
            let items = try await stripe.checkout.sessions.listLineItemsPage(session.id)
            #expect(items.data.first?.description == "Mug", "a line item is described by its product's name")
        }
    }

    @Test("an archived price or product is refused for new line items, and archiving shows in lists")
    func archiving() async throws {
        try await withEmulator { emulator in
            let stripe = makeClient(emulator)
            let price = try await stripe.prices.create(.init(currency: "usd", productData: .init(name: "Cap"), unitAmount: 500))
            let archived = try await stripe.prices.update(price.id, .init(active: false))
            #expect(archived.active == false)
            #expect(try await stripe.prices.listPage(.init(active: true)).data.isEmpty)
            let refused = await #expect(throws: StripeError.self) {
                try await stripe.checkout.sessions.create(.init(
                    lineItems: [.init(price: price.id, quantity: 1)], mode: .payment, successURL: "https://shop.example/ok"))
            }
            #expect(refused?.param == "line_items[0][price]")

            let product = try await stripe.products.create(.init(name: "Old hat"))
            _ = try await stripe.products.update(product.id, .init(active: false))
            let inactiveProduct = await #expect(throws: StripeError.self) {
                try await stripe.checkout.sessions.create(.init(
                    lineItems: [.init(priceData: .init(currency: "usd", product: product.id, unitAmount: 100), quantity: 1)],
                    mode: .payment, successURL: "https://shop.example/ok"))
            }
            #expect(inactiveProduct?.param == "line_items[0][price_data][product]")
            let unknownProduct = await #expect(throws: StripeError.self) {
                try await stripe.prices.create(.init(currency: "usd", product: "prod_missing", unitAmount: 100))
            }
            #expect(unknownProduct?.httpStatus == 404)
            #expect(unknownProduct?.code == "resource_missing")
        }
    }

    @Test("a lookup key names one price: taking it needs transfer_lookup_key, which moves it")
    func lookupKeyIsUnique() async throws {
        try await withEmulator { emulator in
            let stripe = makeClient(emulator)
            let first = try await stripe.prices.create(.init(currency: "usd", lookupKey: "standard",
                                                              productData: .init(name: "Plan"), unitAmount: 1000))
            let taken = await #expect(throws: StripeError.self) {
                try await stripe.prices.create(.init(currency: "usd", lookupKey: "standard", product: first.product?.id,
                                                     unitAmount: 1200))
            }
            #expect(taken?.param == "lookup_key")
            let second = try await stripe.prices.create(.init(currency: "usd", lookupKey: "standard", product: first.product?.id,
                                                               transferLookupKey: true, unitAmount: 1200))
            #expect(try await stripe.prices.listPage(.init(lookupKeys: ["standard"])).data.map(\.id) == [second.id])
            #expect(try await stripe.prices.retrieve(first.id).lookupKey == nil)
        }
    }

    @Test("line items in two currencies are refused, naming the item")
    func mixedCurrencies() async throws {
        try await withEmulator { emulator in
            let stripe = makeClient(emulator)
            let usd = try await stripe.prices.create(.init(currency: "usd", productData: .init(name: "A"), unitAmount: 100))
            let eur = try await stripe.prices.create(.init(currency: "eur", productData: .init(name: "B"), unitAmount: 100))
            let mixed = await #expect(throws: StripeError.self) {
                try await stripe.checkout.sessions.create(.init(
                    lineItems: [.init(price: usd.id, quantity: 1), .init(price: eur.id, quantity: 1)],
                    mode: .payment, successURL: "https://shop.example/ok"))
            }
            #expect(mixed?.httpStatus == 400)
            #expect(mixed?.param == "line_items[1]")
        }
    }
}
#endif
