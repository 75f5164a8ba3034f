#if Emulator
import Foundation
import StripeCheckout
import StripeRuntime

/// The emulator's own endpoints under `/_emulator/`, which drive what a customer or a test
/// would: paying a session (at once or as a delayed payment that settles later), adding
/// prices, injecting faults; the hosted checkout page's routes are passed on.
extension CheckoutEngine {
    func control(_ route: Route, _ request: EmulatorRequest) -> EmulatorResponse {
        do throws(APIError) {
            switch route {
            case .completeSession(let id):
                let form = FormTree.fromBody(request)
                let delayed = try flag(form["delayed"]?.string, named: "delayed")
                return Rendering.json(shaped(try complete(id, email: form["email"]?.string, delayedPayment: delayed)))
            case .settleAsyncPayment(let id):
                let outcome = FormTree.fromBody(request)["outcome"]?.string
                guard let outcome, ["succeeded", "failed"].contains(outcome) else {
                    throw APIError.invalidRequest("`outcome` must be `succeeded` or `failed`.", param: "outcome")
                }
                return Rendering.json(shaped(try settleAsyncPayment(id, succeeded: outcome == "succeeded")))
            case .checkoutPage, .payFromPage, .cancelFromPage:
                return hostedPage(route, request)
            case .portalPage, .portalCancel:
                return portalPage(route, request)
            case .renewSubscription(let id):
                let outcome = FormTree.fromBody(request)["outcome"]?.string ?? "paid"
                guard ["paid", "failed"].contains(outcome) else {
                    throw APIError.invalidRequest("`outcome` must be `paid` or `failed`.", param: "outcome")
                }
                return Rendering.json(try render(.object(try renewSubscription(id, paid: outcome == "paid")),
                                                 schema: "subscription", expand: []))
            case .createPrice:
                let price = try decodeJSON(EmulatorPrice.self, from: request.body)
                return Rendering.json(try addPrice(price))
            case .addFault:
                let fault = try decodeJSON(EmulatorFault.self, from: request.body)
                addFault(fault)
                return Rendering.json(pendingFaults)
            case .clearFaults:
                clearFaults()
                return Rendering.json(pendingFaults)
            default:
                throw APIError(status: 404, type: "invalid_request_error",
                               message: "Unrecognized request URL (\(request.method): \(request.path)).")
            }
        } catch {
            return error.response
        }
    }

    /// Pays an open session as a customer finishing the checkout page would, then queues
    /// `checkout.session.completed`. A delayed payment leaves `payment_status` `unpaid`.
    func complete(_ id: String, email: String? = nil, delayedPayment: Bool = false) throws(APIError) -> CheckoutSession {
        var session = try session(id)
        guard session.status == .open else {
            throw APIError.invalidRequest(
                "Only Checkout Sessions with a status in [\"open\"] can be completed; this one is `\(session.status?.rawValue ?? "unknown")`.",
                code: "checkout_session_not_open"
            )
        }
        if delayedPayment && session.mode == .setup {
            throw APIError.invalidRequest("A setup-mode session takes no payment, so it cannot complete with a delayed one.",
                                          param: "delayed")
        }
        session.status = .complete
        session.url = nil
        let email = email ?? session.customerEmail ?? customerEmail(session) ?? "customer@example.com"
        session.customerDetails = PaymentPagesCheckoutSessionCustomerDetails(email: email, taxExempt: .init(rawValue: "none"))
        var newCustomer: JSONObject?
        if session.customer == nil && (session.customerCreation == .always || session.mode != .payment) {
            let customer = self.newCustomer(email: email)
            newCustomer = customer
            session.customer = customer["id"]?.stringValue.map { .id($0) }
        }
        var newIntent: JSONObject?
        switch session.mode {
        case .payment:
            session.paymentStatus = delayedPayment ? .unpaid : .paid
            let intent = newPaymentIntent(for: session, customer: session.customer?.id, delayed: delayedPayment)
            newIntent = intent
            session.paymentIntent = intent["id"]?.stringValue.map { .id($0) }
        case .subscription:
            session.paymentStatus = delayedPayment ? .unpaid : .paid
        default:
            session.paymentStatus = .noPaymentRequired
        }
        if let newCustomer { EmulatorState.store(newCustomer, in: &state.customers) }
        if let newIntent { EmulatorState.store(newIntent, in: &state.paymentIntents) }
        if let newCustomer { emit("customer.created", object: nullFilled(.object(newCustomer), schema: "customer")) }
        if session.mode == .subscription, let customer = session.customer?.id {
            let subscription = startSubscription(for: session, customer: customer)
            session.subscription = subscription["id"]?.stringValue.map { .id($0) }
            session.invoice = subscription["latest_invoice"]?.stringValue.map { .string($0) }
        }
        state.store(session)
        emit("checkout.session.completed", session)
        return session
    }

    /// The email of the session's customer, when it names one the emulator holds.
    private func customerEmail(_ session: CheckoutSession) -> String? {
        session.customer.flatMap { state.customers[$0.id]?["email"]?.stringValue }
    }

    /// Settles a session completed with a delayed payment: `paid` with
    /// `checkout.session.async_payment_succeeded`, or left `unpaid` with `…async_payment_failed`.
    func settleAsyncPayment(_ id: String, succeeded: Bool) throws(APIError) -> CheckoutSession {
        var session = try session(id)
        guard session.status == .complete, session.paymentStatus == .unpaid, state.failedAsyncPayments[id] == nil else {
            throw APIError.invalidRequest(
                "Only a session completed with a delayed payment that has not settled yet can be settled; this one is "
                    + "`\(session.status?.rawValue ?? "unknown")`, `\(session.paymentStatus?.rawValue ?? "unknown")`"
                    + (state.failedAsyncPayments[id] != nil ? " and its payment already failed." : "."),
                code: "checkout_session_not_awaiting_payment"
            )
        }
        if succeeded {
            session.paymentStatus = .paid
            state.store(session)
        } else {
            state.failedAsyncPayments[id] = true
        }
        if let intent = session.paymentIntent?.id { settlePaymentIntent(intent, succeeded: succeeded) }
        emit(succeeded ? "checkout.session.async_payment_succeeded" : "checkout.session.async_payment_failed", session)
        return session
    }

    /// Makes a price known, for line items that name it by id, with a product of its own named `productName`.
    func addPrice(_ input: EmulatorPrice) throws(APIError) -> Price {
        guard input.unitAmount >= 0 else {
            throw APIError.invalidRequest("This value must be greater than or equal to 0.", param: "unit_amount")
        }
        let interval = input.recurringInterval
        if let interval, !["day", "week", "month", "year"].contains(interval) {
            throw APIError.invalidRequest("Invalid recurring_interval: must be one of day, week, month or year.",
                                          param: "recurring_interval")
        }
        let productID = ObjectID.product()
        var product = newProduct(id: productID)
        product["name"] = .string(input.productName)
        let price = Price(
            active: true, billingScheme: .init(rawValue: "per_unit"), created: configuration.now(),
            currency: input.currency.lowercased(), id: input.id ?? ObjectID.price(), livemode: false, metadata: [:],
            nickname: input.productName, object: "price", product: .id(productID),
            recurring: interval.map { Recurring(interval: .init(rawValue: $0), intervalCount: 1, usageType: .init(rawValue: "licensed")) },
            type: .init(rawValue: interval == nil ? "one_time" : "recurring"),
            unitAmount: input.unitAmount, unitAmountDecimal: Decimal(input.unitAmount)
        )
        EmulatorState.store(product, in: &state.products)
        state.prices.store(price, id: price.id)
        persist()
        return price
    }

    /// A `true`/`false` form value; absent is `false`.
    private func flag(_ value: String?, named name: String) throws(APIError) -> Bool {
        switch value {
        case nil, "false"?: return false
        case "true"?: return true
        default: throw APIError.invalidRequest("`\(name)` must be `true` or `false`.", param: name)
        }
    }

    private func decodeJSON<T: Decodable>(_ type: T.Type, from body: Data) throws(APIError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: body)
        } catch {
            throw APIError.invalidRequest("The JSON body could not be read: \(error)")
        }
    }
}

extension FormTree {
    /// The body of a control request read as a form, leniently: an unreadable one is empty.
    static func fromBody(_ request: EmulatorRequest) -> FormTree {
        (try? FormTree.build(request.formFields)) ?? .empty
    }
}
#endif
