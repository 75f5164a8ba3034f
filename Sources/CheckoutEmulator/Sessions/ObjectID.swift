/// Makes identifiers in Stripe's style: a type prefix and random letters and digits.
enum ObjectID {
    private static let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

    /// `prefix` followed by `length` random characters.
    static func make(_ prefix: String, length: Int = 24) -> String {
        var generator = SystemRandomNumberGenerator()
        var text = prefix
        text.reserveCapacity(prefix.count + length)
        for _ in 0..<length {
            text.append(alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))])
        }
        return text
    }

    static func session() -> String { make("cs_test_", length: 40) }
    static func lineItem() -> String { make("li_") }
    static func price() -> String { make("price_") }
    static func product() -> String { make("prod_", length: 14) }
    static func event() -> String { make("evt_") }
    static func request() -> String { make("req_", length: 14) }
}
