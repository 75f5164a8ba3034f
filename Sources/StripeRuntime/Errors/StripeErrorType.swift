/// The category Stripe puts in the `type` field of an error body. Open: unknown categories decode
/// into `.unrecognized`.
public enum StripeErrorType: StripeEnum {
    /// The card was declined or could not be charged.
    case cardError
    /// The request had invalid or missing parameters.
    case invalidRequestError
    /// An idempotency key was reused with different parameters.
    case idempotencyError
    /// A problem on Stripe's side.
    case apiError
    /// The API key was missing or invalid.
    case authenticationError
    /// The key is valid but may not perform this request.
    case permissionError
    /// Too many requests in too little time.
    case rateLimitError
    /// A category this version of the runtime does not know yet.
    case unrecognized(String)

    /// Every known category.
    public static let allCases: [StripeErrorType] = [
        .cardError, .invalidRequestError, .idempotencyError, .apiError,
        .authenticationError, .permissionError, .rateLimitError,
    ]

    /// The wire string.
    public var rawValue: String {
        switch self {
        case .cardError: "card_error"
        case .invalidRequestError: "invalid_request_error"
        case .idempotencyError: "idempotency_error"
        case .apiError: "api_error"
        case .authenticationError: "authentication_error"
        case .permissionError: "permission_error"
        case .rateLimitError: "rate_limit_error"
        case .unrecognized(let value): value
        }
    }
}
