/// The rules for names inside one declaration: properties, union cases, path argument labels, event cases and
/// expandable fields. They depend only on that declaration's own schema, never on the rest of the spec, so they are
/// applied where the declaration is translated or printed (on every core) rather than stored in the ``NameTable``.
struct MemberNames {
    private var scope: NameScope
    private let suffix: String

    private init(reserved: Set<String>, suffix: String) {
        scope = NameScope(reserved: reserved)
        self.suffix = suffix
    }

    /// A struct's properties: `client_reference_id` -> `clientReferenceID`.
    static func properties() -> MemberNames { MemberNames(reserved: [], suffix: "Value") }

    /// A union's cases.
    static func unionCases() -> MemberNames { MemberNames(reserved: [], suffix: "Value") }

    /// An operation's path arguments, clear of the method's other parameters.
    static func pathLabels() -> MemberNames { MemberNames(reserved: ["params", "options"], suffix: "ID") }

    /// `WebhookEvent.Payload`'s cases, clear of its `unrecognized` case.
    static func eventCases() -> MemberNames { MemberNames(reserved: ["unrecognized"], suffix: "Event") }

    /// An `ExpandableField` enum's cases, clear of what `StripeEnum` adds.
    static func expandableFields() -> MemberNames {
        MemberNames(reserved: ["unrecognized", "allCases", "rawValue"], suffix: "Field")
    }

    /// The name for a wire name (`snake_case`, dotted or dashed), unique in this declaration and escaped.
    mutating func name(forWireName wireName: String) -> String {
        name(forBase: SwiftNames.memberName(wireName))
    }

    /// `base` (already a member name), unique in this declaration and escaped.
    mutating func name(forBase base: String) -> String {
        SwiftNames.escaped(scope.claim(base, suffix: suffix))
    }
}
