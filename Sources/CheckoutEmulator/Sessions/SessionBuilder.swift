#if Emulator
import Foundation
import StripeCheckout
import StripeRuntime

/// Builds a new open `CheckoutSession` and its line items from a create request that already
/// passed the spec's checks, applying the rules the schema cannot express (mode, line items
/// and their prices, one currency, the expiry window).
struct SessionBuilder {
    let prices: ObjectTable<Price>
    /// The products the emulator holds, for line items' names and `price_data[product]`.
    let products: ObjectTable<JSONValue>
    let now: Date
    /// Where the emulator answers; the session's `url` is its checkout page there.
    var baseURL: URL?

    /// The shortest and longest time a session may stay open.
    static let expiryWindow: ClosedRange<TimeInterval> = 1800...86400

    func build(_ params: FormTree) throws(APIError) -> (CheckoutSession, [Item]) {
        guard let modeText = params["mode"]?.string else {
            throw APIError.invalidRequest("Missing required param: mode.", param: "mode", code: "parameter_missing")
        }
        let mode = CheckoutSession.Mode(rawValue: modeText)
        let items = try lineItems(params, mode: mode)
        let currency = try sharedCurrency(items) ?? params["currency"]?.string?.lowercased()
        let created = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let expiresAt = try expiry(params, created: created)
        let id = ObjectID.session()
        let subtotal = mode == .setup ? nil : try Self.sum(items.map { $0.amountSubtotal ?? 0 })
        let customer = params["customer"]?.string.map { Expandable<CustomerOrDeletedCustomer>.id($0) }

        let session = CheckoutSession(
            allowPromotionCodes: params["allow_promotion_codes"]?.bool,
            amountSubtotal: subtotal,
            amountTotal: subtotal,
            automaticTax: .init(enabled: params["automatic_tax"]?["enabled"]?.bool == true),
            billingAddressCollection: params["billing_address_collection"]?.string.map { .init(rawValue: $0) },
            cancelURL: params["cancel_url"]?.string,
            clientReferenceID: params["client_reference_id"]?.string,
            created: created,
            currency: currency,
            customFields: [],
            customText: .init(),
            customer: customer,
            customerCreation: mode == .payment && customer == nil
                ? .init(rawValue: params["customer_creation"]?.string ?? "if_required") : nil,
            customerEmail: params["customer_email"]?.string,
            expiresAt: expiresAt,
            id: id,
            livemode: false,
            locale: params["locale"]?.string.map { .init(rawValue: $0) },
            metadata: Self.metadata(params["metadata"]),
            mode: mode,
            object: "checkout.session",
            paymentMethodCollection: mode == .setup ? nil : .init(rawValue: params["payment_method_collection"]?.string ?? "always"),
            paymentMethodTypes: params["payment_method_types"]?.elements?.compactMap(\.string) ?? ["card"],
            paymentStatus: mode == .setup ? .noPaymentRequired : .unpaid,
            setupIntent: mode == .setup ? ObjectID.make("seti_") : nil,
            shippingOptions: [],
            status: .open,
            submitType: params["submit_type"]?.string.map { .init(rawValue: $0) },
            successURL: params["success_url"]?.string,
            totalDetails: mode == .setup ? nil : .init(amountDiscount: 0, amountShipping: 0, amountTax: 0),
            url: baseURL.map { CheckoutPage.url(for: id, base: $0) }
        )
        return (session, items)
    }

    private func lineItems(_ params: FormTree, mode: CheckoutSession.Mode) throws(APIError) -> [Item] {
        let trees = params["line_items"]?.elements ?? []
        if mode == .setup {
            guard trees.isEmpty else {
                throw APIError.invalidRequest("You cannot pass `line_items` in `setup` mode.", param: "line_items")
            }
            return []
        }
        guard !trees.isEmpty else {
            throw APIError.invalidRequest("`line_items` is required in `\(mode.rawValue)` mode.", param: "line_items",
                                          code: "parameter_missing")
        }
        let builder = LineItemBuilder(prices: prices, products: products, now: now)
        var items: [Item] = []
        for (index, tree) in trees.enumerated() {
            let item = try builder.build(tree, index: index)
            let recurring = item.price?.recurring != nil
            if mode == .payment && recurring {
                throw APIError.invalidRequest(
                    "You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.",
                    param: "line_items[\(index)]"
                )
            }
            items.append(item)
        }
        if mode == .subscription && !items.contains(where: { $0.price?.recurring != nil }) {
            throw APIError.invalidRequest(
                "You must provide at least one recurring price in `subscription` mode when using prices.",
                param: "line_items"
            )
        }
        return items
    }

    private func sharedCurrency(_ items: [Item]) throws(APIError) -> String? {
        guard let first = items.first?.currency else { return nil }
        if let index = items.firstIndex(where: { $0.currency != first }) {
            throw APIError.invalidRequest("All line items must use the same currency; expected `\(first)`.",
                                          param: "line_items[\(index)]")
        }
        return first
    }

    /// The total of the line items' amounts; a total that does not fit is Stripe's "too large" error, not a trap.
    private static func sum(_ amounts: [Int]) throws(APIError) -> Int {
        var total = 0
        for amount in amounts {
            let (next, overflow) = total.addingReportingOverflow(amount)
            guard !overflow else { throw APIError.invalidRequest("The amount is too large.", param: "line_items") }
            total = next
        }
        return total
    }

    private func expiry(_ params: FormTree, created: Date) throws(APIError) -> Date {
        guard let text = params["expires_at"]?.string, let seconds = Int(text) else {
            return created.addingTimeInterval(Self.expiryWindow.upperBound)
        }
        let expiresAt = Date(timeIntervalSince1970: TimeInterval(seconds))
        guard Self.expiryWindow.contains(expiresAt.timeIntervalSince(created)) else {
            throw APIError.invalidRequest(
                "The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.",
                param: "expires_at"
            )
        }
        return expiresAt
    }

    /// The `metadata[key]=value` pairs of a request; empty values are left out.
    static func metadata(_ tree: FormTree?) -> [String: String] {
        var result: [String: String] = [:]
        for child in tree?.children ?? [] {
            if let value = child.tree.string, !value.isEmpty { result[child.key] = value }
        }
        return result
    }
}
#endif
