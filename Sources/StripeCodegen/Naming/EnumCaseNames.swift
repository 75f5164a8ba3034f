/// Swift case names for an open enum's raw values: unique, escaped, and clear of the members `StripeEnum` adds.
/// The ``NamingStage`` records them in the ``NameTable`` by the enum's raw values.
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

    /// ``cases(for:)`` as claims: each raw value as `base`, with its case name.
    static func claims(for values: [String]) -> [NameTable.Claim] {
        cases(for: values).map { NameTable.Claim(base: $0.rawValue, suffix: "Value", name: $0.name) }
    }
}
