#if Emulator
import Foundation
import StripeCheckout
import StripeRuntime

/// Turns the `line_items` of a create request into `Item`s with their amounts: a known price
/// by id, or an inline `price_data` priced per unit, times the quantity.
struct LineItemBuilder {
    let prices: ObjectTable<Price>
    /// The products the emulator holds, for line items' names and `price_data[product]`.
    let products: ObjectTable<JSONValue>
    let now: Date

    /// One line item, or the error Stripe gives for it; `index` places the error's `param`.
    func build(_ tree: FormTree, index: Int) throws(APIError) -> Item {
        let path = ParamPath(["line_items"]).appending(index: index)
        let price: Price
        let description: String
        switch (tree["price"]?.string, tree["price_data"]) {
        case (let id?, nil):
            guard let known = prices[id] else {
                throw APIError.invalidRequest("No such price: '\(id)'", param: path.appending("price").description,
                                              code: "resource_missing")
            }
            guard known.active != false else {
                throw APIError.invalidRequest("The price specified is inactive. This field only accepts active prices.",
                                              param: path.appending("price").description)
            }
            price = known
            description = known.product.flatMap { products[$0.id]?["name"]?.stringValue } ?? known.nickname ?? id
        case (nil, let data?):
            (price, description) = try inlinePrice(data, at: path.appending("price_data"))
        case (.some, .some):
            throw APIError.invalidRequest("You may only specify one of these parameters: price, price_data.",
                                          param: path.description)
        case (nil, nil):
            throw APIError.invalidRequest("You must specify either `price` or `price_data` in each line item.",
                                          param: path.description, code: "parameter_missing")
        }
        guard let quantityText = tree["quantity"]?.string else {
            throw APIError.invalidRequest("Missing required param: \(path.appending("quantity")).",
                                          param: path.appending("quantity").description, code: "parameter_missing")
        }
        guard let quantity = Int(quantityText), quantity >= 1 else {
            throw APIError.invalidRequest("This value must be greater than or equal to 1.",
                                          param: path.appending("quantity").description)
        }
        let amount = try total(of: price, quantity: quantity, at: path)
        return Item(
            amountDiscount: 0, amountSubtotal: amount, amountTax: 0, amountTotal: amount,
            currency: price.currency, description: description, id: ObjectID.lineItem(), object: "item",
            price: price, quantity: quantity
        )
    }

    private func inlinePrice(_ data: FormTree, at path: ParamPath) throws(APIError) -> (Price, String) {
        let currency = (data["currency"]?.string ?? "usd").lowercased()
        let terms = try PriceTerms(data, at: path)
        let product: String
        let name: String
        if let id = data["product"]?.string {
            guard let held = products[id] else {
                throw APIError.invalidRequest("No such product: '\(id)'", param: path.appending("product").description,
                                              code: "resource_missing")
            }
            guard held["active"]?.boolValue != false else {
                throw APIError.invalidRequest("The product specified is inactive.", param: path.appending("product").description)
            }
            product = id
            name = held["name"]?.stringValue ?? id
        } else if let productName = data["product_data"]?["name"]?.string {
            product = ObjectID.product()
            name = productName
        } else {
            throw APIError.invalidRequest("You must specify either `product` or `product_data` when creating a price.",
                                          param: path.appending("product_data").description, code: "parameter_missing")
        }
        let price = Price(
            active: false, billingScheme: Price.BillingScheme(rawValue: "per_unit"), created: now, currency: currency,
            id: ObjectID.price(), livemode: false, metadata: [:], object: "price", product: .id(product),
            recurring: terms.recurring,
            taxBehavior: data["tax_behavior"]?.string.map { CurrencyOption.TaxBehavior(rawValue: $0) },
            type: terms.kind, unitAmount: terms.amount, unitAmountDecimal: terms.decimal
        )
        return (price, name)
    }

    private func total(of price: Price, quantity: Int, at path: ParamPath) throws(APIError) -> Int {
        if let decimal = price.unitAmountDecimal {
            var product = decimal * Decimal(quantity)
            var rounded = Decimal()
            NSDecimalRound(&rounded, &product, 0, .plain)
            // Past 2^53 `intValue` wraps or gives 0 instead of failing; no real amount comes near it.
            guard !rounded.isNaN, abs(rounded) <= Decimal(1 << 53) else {
                throw APIError.invalidRequest("The amount is too large.", param: path.appending("quantity").description)
            }
            return NSDecimalNumber(decimal: rounded).intValue
        }
        guard let unit = price.unitAmount else {
            throw APIError.invalidRequest("The price has no unit amount.", param: path.description)
        }
        let (amount, overflow) = unit.multipliedReportingOverflow(by: quantity)
        guard !overflow else {
            throw APIError.invalidRequest("The amount is too large.", param: path.appending("quantity").description)
        }
        return amount
    }
}
#endif
