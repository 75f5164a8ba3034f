/// The parameters of one API operation, encoded into a form body or a query string.
///
/// Conforming types check their own constraints (such as maximum lengths) in `validate(at:)`, which
/// the client runs before sending anything.
public protocol StripeParams: Encodable, Sendable {
    /// Throws a `StripeError` of kind `invalidParameter` if a value breaks a constraint of the API;
    /// `path` names where these parameters sit inside the request.
    func validate(at path: ParameterPath) throws
}

extension StripeParams {
    /// Checks the parameters as the top level of a request.
    public func validate() throws {
        try validate(at: .root)
    }
}

/// Parameters for operations that take none.
public struct NoParams: StripeParams, Hashable {
    /// Creates the empty parameter set.
    public init() {}

    /// Nothing to check.
    public func validate(at path: ParameterPath) throws {}

    /// Writes nothing.
    public func encode(to encoder: any Encoder) throws {}
}
