#if Emulator
import Foundation
import StripeCheckout

/// What a request says a price charges: an amount per unit (`unit_amount` or `unit_amount_decimal`, at least one,
/// never negative) and, for a recurring price, its interval. Read the same way for `POST /v1/prices` and for a line
/// item's `price_data`.
struct PriceTerms {
    let unitAmount: Int?
    let unitAmountDecimal: Decimal?
    let recurring: Recurring?

    /// Reads the terms of `tree`, a request's fields at `path`, or Stripe's error for a missing or negative amount.
    init(_ tree: FormTree, at path: ParamPath) throws(APIError) {
        let unitAmount = tree["unit_amount"]?.string.flatMap { Int($0) }
        let decimal = tree["unit_amount_decimal"]?.string.flatMap { Decimal(string: $0) }
        guard unitAmount != nil || decimal != nil else {
            throw APIError.invalidRequest("You must specify either `unit_amount` or `unit_amount_decimal`.",
                                          param: path.appending("unit_amount").description, code: "parameter_missing")
        }
        if let unitAmount, unitAmount < 0 {
            throw APIError.invalidRequest("This value must be greater than or equal to 0.",
                                          param: path.appending("unit_amount").description)
        }
        self.unitAmount = unitAmount
        self.unitAmountDecimal = decimal
        self.recurring = tree["recurring"]?["interval"]?.string.map { interval in
            Recurring(interval: .init(rawValue: interval),
                      intervalCount: tree["recurring"]?["interval_count"]?.string.flatMap { Int($0) } ?? 1,
                      usageType: .init(rawValue: tree["recurring"]?["usage_type"]?.string ?? "licensed"))
        }
    }

    /// The amount per unit in the currency's smallest unit (the decimal's whole part when only that was given).
    var amount: Int? { unitAmount ?? unitAmountDecimal.map { NSDecimalNumber(decimal: $0).intValue } }
    /// The amount per unit as a decimal.
    var decimal: Decimal? { unitAmountDecimal ?? unitAmount.map { Decimal($0) } }
    /// `one_time` or `recurring`.
    var kind: Price.Kind { .init(rawValue: recurring == nil ? "one_time" : "recurring") }
}
#endif
