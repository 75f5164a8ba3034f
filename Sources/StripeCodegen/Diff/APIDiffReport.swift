import StripeSpec

/// What regenerating from one spec to another changes in the Swift API: the sorted changes, and the two specs.
public struct APIDiffReport: Sendable {
    /// One of the two specs compared.
    public struct Side: Sendable, Hashable {
        /// The spec's path, as given.
        public var spec: String
        /// The spec's `info.version`, the Stripe API version.
        public var apiVersion: String
    }

    /// The spec the current bindings were generated from.
    public var from: Side
    /// The spec to regenerate from.
    public var to: Side
    /// Every change, sorted by impact, group, symbol and kind.
    public var changes: [APIChange]
    /// The two specs' warnings (and the configuration's), in the order to print them.
    public var warnings: [Diagnostic]

    /// Whether any change is breaking: `diff` exits 1 then.
    public var hasBreakingChanges: Bool { changes.contains { $0.impact == .breaking } }

    /// How many changes have `impact`.
    public func count(_ impact: APIChange.Impact) -> Int {
        changes.reduce(0) { $0 + ($1.impact == impact ? 1 : 0) }
    }

    /// `3 breaking, 12 additive, 1 note`.
    public var summary: String {
        APIChange.Impact.allCases.map { "\(count($0)) \($0.rawValue)" }.joined(separator: ", ")
    }
}
