import Foundation
import StripeCheckout
import StripeRuntime

/// The emulator's own endpoints under `/_emulator/`, which drive what a customer or a test
/// would: paying a session, adding prices, injecting faults.
extension CheckoutEngine {
    func control(_ route: Route, _ request: EmulatorRequest) -> EmulatorResponse {
        do throws(APIError) {
            switch route {
            case .completeSession(let id):
                let email = FormTree.fromBody(request)["email"]?.string
                return Rendering.json(shaped(try complete(id, email: email)))
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
    /// `checkout.session.completed`.
    func complete(_ id: String, email: String? = nil) throws(APIError) -> CheckoutSession {
        var session = try session(id)
        guard session.status == .open else {
            throw APIError.invalidRequest(
                "Only Checkout Sessions with a status in [\"open\"] can be completed; this one is `\(session.status?.rawValue ?? "unknown")`.",
                code: "checkout_session_not_open"
            )
        }
        session.status = .complete
        session.url = nil
        session.customerDetails = PaymentPagesCheckoutSessionCustomerDetails(
            email: email ?? session.customerEmail ?? "customer@example.com", taxExempt: .init(rawValue: "none")
        )
        switch session.mode {
        case .payment:
            session.paymentStatus = .paid
            session.paymentIntent = ObjectID.make("pi_")
        case .subscription:
            session.paymentStatus = .paid
            session.subscription = ObjectID.make("sub_", length: 14)
        default:
            session.paymentStatus = .noPaymentRequired
        }
        if session.customer == nil && (session.customerCreation == .always || session.mode != .payment) {
            session.customer = ObjectID.make("cus_", length: 14)
        }
        state.store(session)
        persist()
        emit("checkout.session.completed", session)
        return session
    }

    /// Makes a price known, for line items that name it by id.
    func addPrice(_ input: EmulatorPrice) throws(APIError) -> Price {
        guard input.unitAmount >= 0 else {
            throw APIError.invalidRequest("This value must be greater than or equal to 0.", param: "unit_amount")
        }
        let interval = input.recurringInterval
        if let interval, !["day", "week", "month", "year"].contains(interval) {
            throw APIError.invalidRequest("Invalid recurring_interval: must be one of day, week, month or year.",
                                          param: "recurring_interval")
        }
        let price = Price(
            active: true, billingScheme: .init(rawValue: "per_unit"), created: configuration.now(),
            currency: input.currency.lowercased(), id: input.id ?? ObjectID.price(), livemode: false, metadata: [:],
            nickname: input.productName, object: "price", product: .id(ObjectID.product()),
            recurring: interval.map { Recurring(interval: .init(rawValue: $0), intervalCount: 1, usageType: .init(rawValue: "licensed")) },
            type: .init(rawValue: interval == nil ? "one_time" : "recurring"),
            unitAmount: input.unitAmount, unitAmountDecimal: Decimal(input.unitAmount)
        )
        state.prices[price.id] = price
        persist()
        return price
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
