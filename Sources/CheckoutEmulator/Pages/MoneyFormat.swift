#if Emulator
import Foundation

/// Writes an amount in a currency's smallest unit as money people read (`3000` usd is `$30.00`,
/// `3000` jpy is `¥3,000`), using the number of decimals Stripe counts for that currency.
enum MoneyFormat {
    /// Currencies Stripe takes in whole units.
    static let zeroDecimal: Set<String> = [
        "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf",
    ]
    /// Currencies Stripe takes in thousandths.
    static let threeDecimal: Set<String> = ["bhd", "jod", "kwd", "omr", "tnd"]

    /// How many of the smallest units make one whole unit, as a power of ten.
    static func decimals(of currency: String) -> Int {
        let code = currency.lowercased()
        if zeroDecimal.contains(code) { return 0 }
        if threeDecimal.contains(code) { return 3 }
        return 2
    }

    /// `amount` (in the smallest unit) of `currency`, with its symbol, in US English notation.
    static func string(_ amount: Int, currency: String) -> String {
        let digits = decimals(of: currency)
        var value = Decimal(amount)
        for _ in 0..<digits { value /= 10 }
        let style = Decimal.FormatStyle.Currency(code: currency.uppercased(), locale: Locale(identifier: "en_US"))
            .precision(.fractionLength(digits))
        return value.formatted(style)
    }
}
#endif
