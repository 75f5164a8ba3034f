import StripeSpec

/// A params type not named after its param: the plain name was taken in its scope, or names a top-level type it
/// would hide, so it carries the `Params` suffix. `lint` lists them so a spec reviewer sees every exception.
public struct ParamsNameNote: Sendable, Hashable, CustomStringConvertible {
    /// Where the param's schema is in the spec.
    public var location: SourceLocation
    /// The qualified Swift name it got (`CheckoutSessionsAPI.CreateParams.DiscountParams`).
    public var typeName: String
    /// The name the rule gives it (`Discount`).
    public var ruleName: String

    /// `path:line:column: note: ...`, the form IDEs link.
    public var description: String {
        "\(location): note: params type \(typeName) is not named \(ruleName): that name is taken in its scope "
            + "or names a top-level type"
    }
}

extension Codegen {
    /// Every params type of `document` whose name is an exception to the params naming rule, in spec order.
    public static func paramsNameNotes(for document: OpenAPIDocument) -> [ParamsNameNote] {
        NamingStage.names(for: document).paramsExceptions
            .map { ParamsNameNote(location: $0.location, typeName: $0.qualifiedName, ruleName: $0.base) }
            .sorted { ($0.location, $0.typeName) < ($1.location, $1.typeName) }
    }
}
