/// Everything that can go wrong when calling the API: an error answer from Stripe, a network
/// failure, a timeout, a response that does not decode, or parameters rejected before sending.
///
/// A struct around a `Kind` so new kinds and details can be added without breaking callers.
public struct StripeError: Error, Sendable, CustomStringConvertible {
    /// Which family of failure this is.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case api, connection, timeout, decoding, invalidParameter
        }

        private let base: Base

        /// Stripe answered with an error status and (usually) an error body.
        public static let api = Kind(base: .api)
        /// The request could not be sent or the connection broke.
        public static let connection = Kind(base: .connection)
        /// No answer arrived in time.
        public static let timeout = Kind(base: .timeout)
        /// A success answer whose body does not match the expected type.
        public static let decoding = Kind(base: .decoding)
        /// Parameters broke a constraint of the API and were not sent.
        public static let invalidParameter = Kind(base: .invalidParameter)

        /// A short name of the kind, such as `api` or `timeout`.
        public var description: String { base.rawValue }
    }

    /// Which family of failure this is.
    public let kind: Kind
    /// A human-readable explanation.
    public let message: String
    /// The HTTP status, when an answer arrived.
    public let httpStatus: Int?
    /// The `Request-Id` header of the answer, to quote to Stripe support.
    public let requestID: String?
    /// Details from Stripe's error body, for `.api` errors whose body was readable.
    public let details: StripeAPIErrorDetails?
    /// The `Stripe-Should-Retry` header, when present.
    public let shouldRetry: Bool?
    /// For `.decoding`: where decoding failed, written `a.b[0].c`.
    public let codingPath: String?
    /// For `.invalidParameter`: the rejected parameter.
    public let parameterPath: ParameterPath?
    /// The first characters (at most 200) of a body that could not be understood.
    public let bodyExcerpt: String?

    init(
        kind: Kind, message: String, httpStatus: Int? = nil, requestID: String? = nil,
        details: StripeAPIErrorDetails? = nil, shouldRetry: Bool? = nil, codingPath: String? = nil,
        parameterPath: ParameterPath? = nil, bodyExcerpt: String? = nil
    ) {
        self.kind = kind
        self.message = message
        self.httpStatus = httpStatus
        self.requestID = requestID
        self.details = details
        self.shouldRetry = shouldRetry
        self.codingPath = codingPath
        self.parameterPath = parameterPath
        self.bodyExcerpt = bodyExcerpt
    }

    /// The error category from Stripe's body, for `.api` errors.
    public var type: StripeErrorType? { details?.type }
    /// Stripe's short error code, such as `resource_missing`.
    public var code: String? { details?.code }
    /// The parameter the error is about: Stripe's `param`, or the path rejected before sending.
    public var param: String? { details?.param ?? parameterPath?.description }
    /// For card errors, the issuer's reason, such as `insufficient_funds`.
    public var declineCode: String? { details?.declineCode }
    /// A link to Stripe's documentation of the code.
    public var docURL: String? { details?.docURL }

    /// One line with the kind, status, category, code, parameter, request id and message.
    public var description: String {
        var parts = ["StripeError.\(kind)"]
        if let httpStatus { parts.append("status \(httpStatus)") }
        if let type { parts.append("type \(type.rawValue)") }
        if let code { parts.append("code \(code)") }
        if let param { parts.append("param \(param)") }
        if let declineCode { parts.append("decline_code \(declineCode)") }
        if let codingPath { parts.append("at \(codingPath)") }
        if let requestID { parts.append("request \(requestID)") }
        var text = parts.joined(separator: ", ") + ": " + message
        if let bodyExcerpt { text += " (body: \(bodyExcerpt))" }
        return text
    }
}

/// The fields of Stripe's error body (`{"error": {...}}`) that describe what went wrong.
public struct StripeAPIErrorDetails: Sendable, Hashable {
    /// The error category.
    public let type: StripeErrorType?
    /// A short machine-readable code.
    public let code: String?
    /// The parameter at fault, in Stripe's bracket syntax.
    public let param: String?
    /// The issuer's reason for a declined card.
    public let declineCode: String?
    /// A link to the documentation of `code`.
    public let docURL: String?

    /// Creates the details, mostly for tests and fakes.
    public init(type: StripeErrorType?, code: String? = nil, param: String? = nil, declineCode: String? = nil, docURL: String? = nil) {
        self.type = type
        self.code = code
        self.param = param
        self.declineCode = declineCode
        self.docURL = docURL
    }
}

extension StripeError {
    /// A parameter rejected before sending, with the reason (e.g. "must not be empty").
    public static func invalidParameter(path: ParameterPath, reason: String) -> StripeError {
        StripeError(kind: .invalidParameter, message: "Parameter \(path) \(reason)", parameterPath: path)
    }

    /// A network failure, described by the underlying error; for transports to throw.
    public static func connection(_ description: String) -> StripeError {
        StripeError(kind: .connection, message: description)
    }

    /// No answer arrived within `timeout`; for transports to throw.
    public static func timeout(after timeout: Duration?) -> StripeError {
        let message = timeout.map { "No response within \($0)" } ?? "The request timed out"
        return StripeError(kind: .timeout, message: message)
    }
}
