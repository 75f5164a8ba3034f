/// Swift case names for an open enum's raw values: unique, escaped, and clear of the members `StripeEnum` adds.
/// Named when the enum is printed, since printing runs on every core.
enum EnumCaseNames {
    /// The names a new enum's cases start with, built once.
    private static let reserved = NameScope(reserved: ["unrecognized", "allCases", "rawValue", "init", "self", "Type"])

    /// One case per distinct non-empty value, in spec order.
    static func cases(for values: [String]) -> [(name: String, rawValue: String)] {
        var names = reserved
        var cases: [(name: String, rawValue: String)] = []
        cases.reserveCapacity(values.count)
        var seen: Set<String> = []
        for value in values where !value.isEmpty && seen.insert(value).inserted {
            cases.append((SwiftNames.escaped(names.claim(SwiftNames.memberName(value), suffix: "Value")), value))
        }
        return cases
    }
}
