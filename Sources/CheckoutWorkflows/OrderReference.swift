import StripeRuntime

/// Your order's reference as Checkout stores it in `client_reference_id`: at most 200 characters, checked
/// before any request so a bad value never reaches Stripe.
public struct OrderReference: Sendable, Hashable, CustomStringConvertible {
    /// The longest `client_reference_id` Checkout accepts.
    public static let maxLength = 200

    /// The reference text.
    public let value: String

    /// Checks `value` and wraps it; throws `StripeError` (invalid parameter `client_reference_id`) when it is
    /// empty, longer than ``maxLength`` or holds a control character (a reference also ends up in keys and logs).
    public init(_ value: String) throws {
        let path = ParameterPath.root.appending("client_reference_id")
        guard !value.isEmpty else { throw StripeError.invalidParameter(path: path, reason: "must not be empty") }
        try ParameterCheck.maxLength(value, Self.maxLength, at: path)
        if let control = value.unicodeScalars.first(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            throw StripeError.invalidParameter(
                path: path, reason: "must not contain control characters (found U+\(String(control.value, radix: 16, uppercase: true)))"
            )
        }
        self.value = value
    }

    public var description: String { value }
}
