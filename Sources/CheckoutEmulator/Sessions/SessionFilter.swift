#if Emulator
import StripeCheckout

/// The filters `GET /v1/checkout/sessions` accepts: customer, customer_details[email],
/// payment_intent, payment_link, subscription, status and created; all given ones must match.
struct SessionFilter: Sendable {
    var customer: String?
    var customerEmail: String?
    var paymentIntent: String?
    var paymentLink: String?
    var subscription: String?
    /// `status`: open, complete or expired.
    var status: String?
    /// `created`: a range of unix times, or one time.
    var created: CreatedRange?

    init(_ query: FormTree) throws(APIError) {
        customer = query["customer"]?.string
        customerEmail = query["customer_details"]?["email"]?.string
        paymentIntent = query["payment_intent"]?.string
        paymentLink = query["payment_link"]?.string
        subscription = query["subscription"]?.string
        status = query["status"]?.string
        created = try query["created"].map { tree throws(APIError) in try CreatedRange(tree) }
    }

    /// Whether no filter is set.
    var isEmpty: Bool {
        customer == nil && customerEmail == nil && paymentIntent == nil && paymentLink == nil && subscription == nil
            && status == nil && created == nil
    }

    func matches(_ session: CheckoutSession) -> Bool {
        if let status, session.status?.rawValue != status { return false }
        if let created, !created.contains(Int(session.created.timeIntervalSince1970)) { return false }
        if let customer, session.customer?.id != customer { return false }
        if let customerEmail, session.customerDetails?.email?.lowercased() != customerEmail.lowercased() { return false }
        if let paymentIntent, session.paymentIntent?.id != paymentIntent { return false }
        if let paymentLink, session.paymentLink != paymentLink { return false }
        if let subscription, session.subscription?.id != subscription { return false }
        return true
    }
}

extension EmulatorState {
    /// One page of sessions newest first, filtered, following the request's cursors.
    func listSessions(_ filter: SessionFilter, _ request: ListRequest) throws(APIError) -> (data: [CheckoutSession], hasMore: Bool) {
        try sessions.page(request, matching: filter.matches)
    }
}
#endif
