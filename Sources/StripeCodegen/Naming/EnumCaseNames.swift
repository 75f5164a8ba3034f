/// Swift case names for an open enum's raw values: unique, escaped, and clear of the members `StripeEnum` adds.
/// The ``NamingStage`` records them in the ``NameTable`` by the enum's raw values.
enum EnumCaseNames {
    /// Names a case may not take: what `StripeEnum` and Swift add to every enum, and `Optional`'s cases, since an
    /// optional enum's `.none` would mean `nil` rather than the value. Such a value's case takes the `Value` suffix
    /// (`none` -> `noneValue`).
    static let reservedNames: Set<String> = [
        "unrecognized", "allCases", "rawValue", "init", "self", "Type", "none", "some", "hashValue",
    ]

    /// The names a new enum's cases start with, built once.
    private static let reserved = NameScope(reserved: reservedNames)

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
