/// Names one API operation for traces and metrics: `checkout.sessions.create` and its path as the spec writes it
/// (`/v1/checkout/sessions/{session}`), so spans and metric labels never carry the ids a request's path holds.
public struct StripeOperation: Sendable, Hashable {
    /// The resource path and method, dotted: `checkout.sessions.create`, `refunds.list`.
    public let name: String
    /// The path with its parameters unfilled: `/v1/checkout/sessions/{session}/expire`; empty when unknown.
    public let pathTemplate: String

    /// An operation named `name` whose path is `pathTemplate`.
    public init(_ name: String, pathTemplate: String) {
        self.name = name
        self.pathTemplate = pathTemplate
    }

    /// A request sent without a name (a hand-written call): recorded under `stripe.request`, with no path.
    public static let unnamed = StripeOperation("stripe.request", pathTemplate: "")
}
