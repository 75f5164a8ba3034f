/// Why a route could not do what was asked, as the customer should read it.
enum ShopFailure: Error, Sendable {
    /// The request asked for something the shop does not do; the message says what, `back` where to go.
    case badRequest(String, back: String? = nil)
    /// Stripe (or the emulator) did not answer as expected; the customer can try again.
    case unavailable

    var status: Int {
        switch self {
        case .badRequest: 400
        case .unavailable: 502
        }
    }
}
