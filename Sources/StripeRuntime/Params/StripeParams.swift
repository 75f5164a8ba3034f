/// The parameters of one API operation, encoded into a form body or a query string.
///
/// Types with constraints (such as maximum lengths) check them in `validate(at:)`, which the client
/// runs before sending anything; types without any keep the default, which accepts every value.
public protocol StripeParams: Encodable, Sendable {
    /// Throws a `StripeError` of kind `invalidParameter` if a value breaks a constraint of the API;
    /// `path` names where these parameters sit inside the request.
    func validate(at path: ParameterPath) throws
}

extension StripeParams {
    /// Accepts every value: parameters without constraints need not declare a check of their own.
    public func validate(at path: ParameterPath) throws {}

    /// Checks the parameters as the top level of a request.
    public func validate() throws {
        try validate(at: .root)
    }
}

/// Parameters for operations that take none.
public struct NoParams: StripeParams, Hashable {
    /// Creates the empty parameter set.
    public init() {}

    /// Writes nothing.
    public func encode(to encoder: any Encoder) throws {}
}
