/// The rules for names inside one declaration: properties, union cases, path argument labels, event cases and
/// expandable fields. The ``NamingStage`` applies them and records each name in the ``NameTable`` with its rule.
struct MemberNames {
    private var scope: NameScope
    private let suffix: String

    private init(reserved: Set<String>, suffix: String) {
        scope = NameScope(reserved: reserved)
        self.suffix = suffix
    }

    /// A struct's properties: `client_reference_id` -> `clientReferenceID`, clear of the models' computed
    /// `missingRequiredFields`.
    static func properties() -> MemberNames { MemberNames(reserved: [AbsentFieldRules.listName], suffix: "Value") }

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

    /// The names for `wireNames` in order, each recorded with the wire name and this rule's suffix.
    mutating func claims(forWireNames wireNames: [String]) -> [NameTable.Claim] {
        wireNames.map { NameTable.Claim(base: $0, suffix: suffix, name: name(forWireName: $0)) }
    }

    /// The names for `bases` (already member names) in order, each recorded with its base and this rule's suffix.
    mutating func claims(forBases bases: [String]) -> [NameTable.Claim] {
        bases.map { NameTable.Claim(base: $0, suffix: suffix, name: name(forBase: $0)) }
    }
}
