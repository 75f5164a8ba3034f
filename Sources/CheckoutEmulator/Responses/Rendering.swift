#if Emulator
import Foundation
import StripeCheckout

/// A Stripe list object: `{"object": "list", "data": [...], "has_more": ..., "url": ...}`.
struct ListObject<Element: Encodable>: Encodable {
    var data: [Element]
    var hasMore: Bool
    var url: String
    let object = "list"

    enum CodingKeys: String, CodingKey {
        case data, url, object
        case hasMore = "has_more"
    }
}

enum Rendering {
    /// The path of a session's line item list.
    static func lineItemsURL(_ sessionID: String) -> String {
        "/v1/checkout/sessions/\(sessionID)/line_items"
    }

    /// `session` with its first ten line items attached, as `expand[]=line_items` returns it.
    static func expanded(_ session: CheckoutSession, items: [Item]) -> CheckoutSession {
        var copy = session
        copy.lineItems = CheckoutSession.LineItems(
            data: Array(items.prefix(10)), hasMore: items.count > 10, object: "list", url: lineItemsURL(session.id)
        )
        return copy
    }

    /// JSON for any encodable answer; an encoding failure becomes a 500 in Stripe's shape.
    static func json(_ value: some Encodable, status: Int = 200) -> EmulatorResponse {
        do {
            return .json(status, try JSONEncoder.emulator.encode(value))
        } catch {
            return APIError(status: 500, type: "api_error", message: "The emulator could not encode its answer: \(error)").response
        }
    }
}
#endif
