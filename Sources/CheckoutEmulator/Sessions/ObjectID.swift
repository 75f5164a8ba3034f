#if Emulator
/// Makes identifiers in Stripe's style: a type prefix and random letters and digits.
enum ObjectID {
    private static let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

    /// `prefix` followed by `length` random characters. Each draw from the system's generator (a system call) gives
    /// ten characters: 62^10 is below 2^64, and an id needs to be unique, not uniform to the last bit.
    static func make(_ prefix: String, length: Int = 24) -> String {
        var generator = SystemRandomNumberGenerator()
        var text = prefix
        text.reserveCapacity(prefix.count + length)
        var bits: UInt64 = 0
        var left = 0
        for _ in 0..<length {
            if left == 0 {
                bits = generator.next()
                left = 10
            }
            text.append(alphabet[Int(bits % UInt64(alphabet.count))])
            bits /= UInt64(alphabet.count)
            left -= 1
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
#endif
