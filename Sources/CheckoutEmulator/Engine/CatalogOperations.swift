#if Emulator
import Foundation
import StripeCheckout
import StripeRuntime

/// Products and prices through Stripe's API: create, list, retrieve and update. Archiving (`active=false`) keeps an
/// object but takes it out of new checkouts; a price's `lookup_key` names one price at a time.
extension CheckoutEngine {
    /// The product fields a create or update request writes as they are sent.
    static let productFields = ["active", "description", "images", "metadata", "name", "package_dimensions", "shippable",
                                "statement_descriptor", "tax_code", "unit_label", "url"]

    func createProduct(_ request: EmulatorRequest, _ route: APIRoute) throws(APIError) -> EmulatorResponse {
        let params = try body(request, route)
        let id = params["id"]?.string ?? ObjectID.product()
        guard state.products[id] == nil else {
            throw APIError.invalidRequest("Product already exists.", param: "id", code: "resource_already_exists")
        }
        var product = newProduct(id: id)
        FormPatch(document: document).apply(params, fields: Self.productFields, to: &product, schema: "product")
        var newPrice: Price?
        if let priceData = params["default_price_data"] {
            let price = try buildPrice(priceData, product: id, at: ParamPath(["default_price_data"]))
            product["default_price"] = .string(price.id)
            newPrice = price
        }
        let answer = try render(.object(product), schema: "product", expand: try params.expandPaths())
        EmulatorState.store(product, in: &state.products)
        if let newPrice { state.prices.store(newPrice, id: newPrice.id) }
        persist()
        return Rendering.json(answer)
    }

    func listProducts(_ request: EmulatorRequest, _ route: APIRoute) throws(APIError) -> EmulatorResponse {
        let query = try self.query(request, route)
        let active = query["active"]?.bool
        let ids = query["ids"]?.elements?.compactMap(\.string)
        let created = try query["created"].map { tree throws(APIError) in try CreatedRange(tree) }
        let page = try state.products.page(ListRequest(query)) { product in
            if let active, product["active"]?.boolValue != active { return false }
            if let ids, !ids.contains(product["id"]?.stringValue ?? "") { return false }
            if let created, !created.contains(product["created"]?.intValue ?? 0) { return false }
            return true
        }
        return try listAnswer(page, schema: "product", query: query, url: "/v1/products")
    }

    func retrieveProduct(_ request: EmulatorRequest, _ route: APIRoute) throws(APIError) -> EmulatorResponse {
        let query = try self.query(request, route)
        return Rendering.json(try render(try product(route.objectID), schema: "product", expand: try query.expandPaths()))
    }

    func updateProduct(_ request: EmulatorRequest, _ route: APIRoute) throws(APIError) -> EmulatorResponse {
        let params = try body(request, route)
        guard var product = try product(route.objectID).objectValue else { throw APIError.missing("product", route.objectID, param: "id") }
        FormPatch(document: document).apply(params, fields: Self.productFields, to: &product, schema: "product")
        if let priceID = params["default_price"]?.string {
            guard priceID.isEmpty || state.prices[priceID]?.product?.id == route.objectID else {
                throw APIError.invalidRequest("The price \(priceID) does not belong to this product.", param: "default_price")
            }
            product["default_price"] = priceID.isEmpty ? .null : .string(priceID)
        }
        product["updated"] = .time(configuration.now())
        let answer = try render(.object(product), schema: "product", expand: try params.expandPaths())
        EmulatorState.store(product, in: &state.products)
        persist()
        return Rendering.json(answer)
    }

    func createPrice(_ request: EmulatorRequest, _ route: APIRoute) throws(APIError) -> EmulatorResponse {
        let params = try body(request, route)
        var createdProduct: JSONObject?
        let productID: String
        switch (params["product"]?.string, params["product_data"]) {
        case (let id?, nil):
            _ = try product(id, param: "product")
            productID = id
        case (nil, let data?):
            productID = ObjectID.product()
            var product = newProduct(id: productID)
            FormPatch(document: document).apply(data, fields: Self.productFields, to: &product, schema: "product")
            createdProduct = product
        case (.some, .some):
            throw APIError.invalidRequest("You may only specify one of these parameters: product, product_data.", param: "product")
        case (nil, nil):
            throw APIError.invalidRequest("You must specify either `product` or `product_data` when creating a price.",
                                          param: "product", code: "parameter_missing")
        }
        var price = try buildPrice(params, product: productID, at: ParamPath())
        let moved = try claimLookupKey(for: &price, params)
        let answer = try render(.encoding(price), schema: "price", expand: try params.expandPaths())
        if let createdProduct { EmulatorState.store(createdProduct, in: &state.products) }
        for previous in moved { state.prices.store(previous, id: previous.id) }
        state.prices.store(price, id: price.id)
        persist()
        return Rendering.json(answer)
    }

    func listPrices(_ request: EmulatorRequest, _ route: APIRoute) throws(APIError) -> EmulatorResponse {
        let query = try self.query(request, route)
        let active = query["active"]?.bool
        let currency = query["currency"]?.string?.lowercased()
        let product = query["product"]?.string
        let type = query["type"]?.string
        let lookupKeys = query["lookup_keys"]?.elements?.compactMap(\.string)
        let interval = query["recurring"]?["interval"]?.string
        let created = try query["created"].map { tree throws(APIError) in try CreatedRange(tree) }
        let page = try state.prices.page(ListRequest(query)) { price in
            if let active, price.active != active { return false }
            if let currency, price.currency != currency { return false }
            if let product, price.product?.id != product { return false }
            if let type, price.type?.rawValue != type { return false }
            if let lookupKeys, !lookupKeys.contains(price.lookupKey ?? "") { return false }
            if let interval, price.recurring?.interval?.rawValue != interval { return false }
            if let created, !created.contains(Int(price.created.timeIntervalSince1970)) { return false }
            return true
        }
        return try listAnswer((page.data.map { JSONValue.encoding($0) }, page.hasMore), schema: "price", query: query,
                              url: "/v1/prices")
    }

    func retrievePrice(_ request: EmulatorRequest, _ route: APIRoute) throws(APIError) -> EmulatorResponse {
        let query = try self.query(request, route)
        return Rendering.json(try render(.encoding(try price(route.objectID)), schema: "price", expand: try query.expandPaths()))
    }

    func updatePrice(_ request: EmulatorRequest, _ route: APIRoute) throws(APIError) -> EmulatorResponse {
        let params = try body(request, route)
        var price = try price(route.objectID)
        if let active = params["active"]?.bool { price.active = active }
        if let nickname = params["nickname"]?.string { price.nickname = nickname.isEmpty ? nil : nickname }
        if let metadata = params["metadata"] {
            let merged = FormPatch.mergedMetadata((price.metadata ?? [:]).mapValues(JSONValue.string), metadata)
            price.metadata = merged.objectValue?.compactMapValues(\.stringValue)
        }
        if let behavior = params["tax_behavior"]?.string { price.taxBehavior = .init(rawValue: behavior) }
        var moved: [Price] = []
        if let key = params["lookup_key"]?.string {
            price.lookupKey = key.isEmpty ? nil : key
            moved = try claimLookupKey(for: &price, params)
        }
        let answer = try render(.encoding(price), schema: "price", expand: try params.expandPaths())
        for previous in moved { state.prices.store(previous, id: previous.id) }
        state.prices.store(price, id: price.id)
        persist()
        return Rendering.json(answer)
    }

    // MARK: Helpers

    /// A new active product with nothing but its id and timestamps; a request's fields are written on top.
    func newProduct(id: String) -> JSONObject {
        let now = JSONValue.time(configuration.now())
        return [
            "id": .string(id), "object": .string("product"), "active": .bool(true), "created": now, "updated": now,
            "features": .array([]), "images": .array([]), "livemode": .bool(false), "metadata": .object([:]),
            "type": .string("service"),
        ]
    }

    /// The held product with `id`, or Stripe's 404 naming `param`.
    func product(_ id: String, param: String = "id") throws(APIError) -> JSONValue {
        guard let product = state.products[id] else { throw APIError.missing("product", id, param: param) }
        return product
    }

    /// The held price with `id`, or Stripe's 404.
    func price(_ id: String, param: String = "price") throws(APIError) -> Price {
        guard let price = state.prices[id] else { throw APIError.missing("price", id, param: param) }
        return price
    }

    /// A new price of `product` from a create request's fields (or `default_price_data`, at `path`).
    func buildPrice(_ params: FormTree, product: String, at path: ParamPath) throws(APIError) -> Price {
        guard let currency = params["currency"]?.string?.lowercased() else {
            throw APIError.invalidRequest("Missing required param: \(path.appending("currency")).",
                                          param: path.appending("currency").description, code: "parameter_missing")
        }
        let terms = try PriceTerms(params, at: path)
        let metadata = FormPatch.mergedMetadata([:], params["metadata"] ?? .empty).objectValue?.compactMapValues(\.stringValue)
        return Price(
            active: params["active"]?.bool ?? true,
            billingScheme: .init(rawValue: params["billing_scheme"]?.string ?? "per_unit"),
            created: Date(timeIntervalSince1970: configuration.now().timeIntervalSince1970.rounded(.down)),
            currency: currency, id: ObjectID.price(), livemode: false,
            lookupKey: params["lookup_key"]?.string.flatMap { $0.isEmpty ? nil : $0 }, metadata: metadata ?? [:],
            nickname: params["nickname"]?.string, object: "price", product: .id(product), recurring: terms.recurring,
            taxBehavior: params["tax_behavior"]?.string.map { .init(rawValue: $0) },
            type: terms.kind, unitAmount: terms.amount, unitAmountDecimal: terms.decimal
        )
    }

    /// Checks that `price`'s lookup key is free, or (with `transfer_lookup_key=true`) takes it from the price that
    /// has it: that price, without the key, is returned to be stored.
    private func claimLookupKey(for price: inout Price, _ params: FormTree) throws(APIError) -> [Price] {
        guard let key = price.lookupKey else { return [] }
        let holders = state.prices.newestFirst.filter { $0.lookupKey == key && $0.id != price.id }
        guard !holders.isEmpty else { return [] }
        guard params["transfer_lookup_key"]?.bool == true else {
            throw APIError.invalidRequest(
                "A price (`\(holders[0].id)`) already uses that lookup key; pass `transfer_lookup_key=true` to move it.",
                param: "lookup_key"
            )
        }
        return holders.map { holder in
            var moved = holder
            moved.lookupKey = nil
            return moved
        }
    }

    /// A list answer of held JSON objects, each rendered with the list request's `expand[]`.
    func listAnswer(_ page: (data: [JSONValue], hasMore: Bool), schema: String, query: FormTree,
                    url: String) throws(APIError) -> EmulatorResponse {
        let paths = try elementPaths(query)
        var data: [JSONValue] = []
        for object in page.data { data.append(try render(object, schema: schema, expand: paths)) }
        return listAnswer(data, hasMore: page.hasMore, url: url)
    }
}
#endif
