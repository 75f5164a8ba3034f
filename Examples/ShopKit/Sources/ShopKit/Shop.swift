import CheckoutWorkflows
import Foundation
import Logging
import StripeCheckout
import StripeRuntime

/// The demo shop, whatever serves it: each method answers one route, never throws, and turns a failure into a
/// page that says what went wrong without internal detail (which goes to the log).
///
/// Routes: `GET /` the front page, `POST /orders` a new order, `GET /orders/{id}` an order, `POST
/// /orders/{id}/cart` its quantity, `GET /orders/{id}/checkout` to Checkout, `GET /orders/{id}/success` and
/// `/cancel` where Checkout returns the customer, `GET /orders/{id}/subscription` to the billing portal, `POST
/// /webhooks/stripe`, and `GET /api/orders/{id}` the order as JSON.
public struct Shop: Sendable {
    /// How the shop runs.
    public let settings: ShopSettings
    /// The orders.
    public let orders: OrderStore
    /// The prices it sells.
    public let catalog: ShopCatalog
    /// The client it calls Stripe with.
    public let stripe: StripeClient
    let workflows: CheckoutWorkflows
    let webhooks: CheckoutWebhookHandler
    let logger: Logger

    /// Starts a shop: prepares its catalog on Stripe (finding or creating its prices), then wires checkout and
    /// webhooks to `stores`.
    /// `fulfil` runs once per paid order, from the webhook that reports the payment.
    public static func start(
        _ settings: ShopSettings, orders: OrderStore = OrderStore(), stores: ShopStores = ShopStores(),
        logger: Logger = Logger(label: "shop"), fulfil: @escaping ShopFulfilment = { _, _ in }
    ) async throws -> Shop {
        let stripe = StripeClient(apiKey: settings.stripeAPIKey,
                                  configuration: StripeConfiguration(baseURL: settings.stripeBaseURL))
        let catalog = try await ShopCatalog.prepare(stripe)
        return Shop(settings: settings, orders: orders, catalog: catalog, stripe: stripe, stores: stores, logger: logger,
                    fulfil: fulfil)
    }

    init(settings: ShopSettings, orders: OrderStore, catalog: ShopCatalog, stripe: StripeClient, stores: ShopStores,
         logger: Logger, fulfil: @escaping ShopFulfilment) {
        self.settings = settings
        self.orders = orders
        self.catalog = catalog
        self.stripe = stripe
        self.logger = logger
        let workflows = CheckoutWorkflows(stripe: stripe, lock: stores.lock, index: stores.index)
        self.workflows = workflows
        self.webhooks = ShopWebhooks.handler(settings, orders: orders, workflows: workflows, events: stores.events,
                                             fulfil: fulfil)
    }

    /// `GET /`: what the shop sells, with a form to start an order of each.
    public func frontPage() -> ShopResponse {
        .html(ShopPages.front(catalog))
    }

    /// `POST /orders` (`product`, and `email` for a plan): starts an order and shows it.
    public func createOrder(form: String) async -> ShopResponse {
        await answering {
            let fields = FormBody.parse(form)
            let value = { (name: String) in fields.first { $0.name == name }?.value ?? "" }
            guard let product = ShopProduct(rawValue: value("product")) else {
                throw ShopFailure.badRequest("Choose a product from the front page.")
            }
            let email = value("email").trimmingCharacters(in: .whitespaces)
            guard email.isEmpty || email.contains("@") else {
                throw ShopFailure.badRequest("“\(email)” is not an email address.")
            }
            var order = newOrder(OrderID.fresh(product), product)
            order.email = email.isEmpty ? nil : email
            while try await !orders.add(order) { order.id = OrderID.fresh(product) }
            return .redirect(orderURL(order.id))
        }
    }

    /// `GET /orders/{id}`: the order, where its payment (and subscription) stands, and what the customer can do.
    public func orderPage(_ segment: String, notice: String?) async -> ShopResponse {
        await answering {
            let order = try await knownOrder(segment)
            let subscription = await currentSubscription(of: order)
            return .html(ShopPages.order(order, subscription: subscription, notice: notice.flatMap(ShopPages.Notice.init)))
        }
    }

    /// `GET /api/orders/{id}`: the order as JSON, internal ids included (for operators and tests).
    public func orderJSON(_ segment: String) async -> ShopResponse {
        await answering { try .json(try await knownOrder(segment)) }
    }

    /// `POST /orders/{id}/cart` (`quantity`): a whole number from 1 to 99, while the order is payable.
    public func updateCart(_ segment: String, form: String) async -> ShopResponse {
        await answering {
            let order = try await knownOrder(segment)
            let text = FormBody.parse(form).first { $0.name == "quantity" }?.value ?? ""
            guard let quantity = Int(text.trimmingCharacters(in: .whitespaces)), (1...99).contains(quantity) else {
                throw ShopFailure.badRequest("The quantity must be a whole number from 1 to 99, not “\(text)”.",
                                             back: orderPath(order.id))
            }
            try await orders.setQuantity(order.id, quantity)
            return .redirect(orderURL(order.id))
        }
    }

    /// `GET /orders/{id}/success`: where Checkout returns a customer who paid. The webhook, not this page, marks
    /// the order paid, so the page says what the shop knows so far and refreshes while it waits.
    public func success(_ segment: String) async -> ShopResponse {
        await answering { .html(ShopPages.thanks(try await knownOrder(segment))) }
    }

    /// `GET /orders/{id}/cancel`: where Checkout returns a customer who gave up; nothing was charged.
    public func cancelled(_ segment: String) async -> ShopResponse {
        await answering { .html(ShopPages.cancelled(try await knownOrder(segment))) }
    }

    /// `POST /webhooks/stripe`: verifies, deduplicates and handles one event; the answer tells Stripe whether to
    /// deliver it again.
    public func webhook(payload: Data, signature: String?) async -> ShopResponse {
        let outcome = await webhooks.handle(payload: payload, signatureHeader: signature)
        if case .failed(let id, let error) = outcome {
            logger.error("webhook event \(id) failed: \(error)")
        }
        return .text(ShopWebhooks.describe(outcome), status: outcome.httpStatus)
    }

    /// Runs one route's work, turning a failure into an error page.
    func answering(_ work: () async throws -> ShopResponse) async -> ShopResponse {
        do {
            return try await work()
        } catch let failure as ShopFailure {
            return .html(ShopPages.error(failure), status: failure.status)
        } catch {
            logger.error("request failed: \(error)")
            return .html(ShopPages.error(.unavailable), status: 502)
        }
    }

    /// The order a path segment names; an unknown id starts a mug order of two, so a shared link to a fresh
    /// order works. An id Checkout cannot carry is refused.
    func knownOrder(_ segment: String) async throws -> Order {
        let id = OrderID.decode(segment)
        if let order = try await orders.existing(id) { return order }
        guard (try? OrderReference(id)) != nil else {
            throw ShopFailure.badRequest("“\(id)” is not an order number this shop uses.")
        }
        return try await orders.order(id, orElse: newOrder(id, .mug, quantity: 2))
    }

    func newOrder(_ id: String, _ product: ShopProduct, quantity: Int = 1) -> Order {
        Order(id: id, product: product, unitAmount: catalog.entry(product).unitAmount, quantity: quantity)
    }

    /// The order's page, as a path on this shop.
    func orderPath(_ id: String) -> String { "/orders/\(OrderID.segment(id))" }

    /// The order's page, as an absolute address (for Checkout, the portal and redirects).
    func orderURL(_ id: String) -> String { settings.publicURL + orderPath(id) }
}
