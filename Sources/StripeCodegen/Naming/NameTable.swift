import StripeSpec

/// Every Swift name the generated module uses, decided by the ``NamingStage`` before anything is translated, with
/// the rule that produced each. Translation only reads it, so any part of the spec translates on its own.
struct NameTable: Sendable {
    /// A name and the rule it came from: `base`, else `base` + `suffix` (+ a number) when `base` was taken.
    struct Claim: Sendable, Hashable {
        var base: String
        var suffix: String
        var name: String
    }

    /// A union shared at the top level: a union component, or an inline union of components named by its members.
    struct SharedUnion: Sendable, Hashable {
        var name: String
        var members: [String]
        /// The component it declares, for union components.
        var component: String?
    }

    /// What makes two inline string enums one type: the field (or param) they are named from, and the same values.
    struct EnumKey: Sendable, Hashable {
        var field: String
        /// The values, sorted: the same list in another order is the same meaning.
        var values: [String]

        init(field: String, values: [String]) {
            self.field = field
            self.values = Array(Set(values)).sorted()
        }
    }

    /// A nested type declared once, in `holder` (the first type of the walk that needs it), and used everywhere
    /// else under its qualified `name`: a string enum (by ``EnumKey``) or a titled params object (by ``ObjectKey``).
    struct SharedNestedType: Sendable, Hashable {
        var name: String
        var holder: String

        /// The name inside its holder: `Status` for `CheckoutSession.Status`.
        var ownName: String { name.lastIndex(of: ".").map { String(name[name.index(after: $0)...]) } ?? name }
    }

    /// What makes two inline params objects one type: the param they are named from, the spec's title for the
    /// shape, and the same shape in the same words (``SchemaShape``).
    struct ObjectKey: Sendable, Hashable {
        var field: String
        var title: String
        var shape: SchemaShape
    }

    /// A params type whose name is its param's name plus a suffix, because the plain name was taken in its scope or
    /// names a top-level type it would shadow.
    struct ParamsNameException: Sendable, Hashable {
        var qualifiedName: String
        var base: String
        var location: SourceLocation
    }

    /// A resource: its type name and its operations' method names, in operation order.
    struct Resource: Sendable, Hashable {
        var typeName: String
        var methods: [String]
    }

    /// Swift type name by component name, for components that get a type.
    var typeNames: [String: String] = [:]
    var shapes: [String: ComponentShape] = [:]
    /// Component name by Swift type name: the reverse of `typeNames`.
    var componentNames: [String: String] = [:]
    /// The shared union by component names (in the schema's order).
    var unionNames: [[String]: String] = [:]
    var unions: [SharedUnion] = []
    /// By resource key (namespace, then name).
    var resources: [[String]: Resource] = [:]
    /// The nested type names each component's or resource's translation asks for, in the order it asks.
    var nestedNames: [Unit: [Claim]] = [:]

    /// Every string enum by what makes it one meaning (its field and its values), with the one place it is declared.
    var enums: [EnumKey: SharedNestedType] = [:]

    /// Every titled inline params object by what makes it one type, with the one place it is declared.
    var objects: [ObjectKey: SharedNestedType] = [:]
    /// The key of every titled params object the walk met, by the schema's identity, so translation reads it
    /// instead of comparing the schema again.
    var objectKeys: [ObjectIdentifier: ObjectKey] = [:]

    /// Params type names that are not their param's name, because that name was taken: each with its place in the
    /// spec, so `lint` can show them.
    var paramsExceptions: [ParamsNameException] = []

    /// The names inside each declaration, by the unit that translates it, then by what declares them: per name, the
    /// input its rule took (a wire name, raw value or case base) as `base`, the rule's `suffix`, and the name, in
    /// declaration order.
    var memberNames: [Unit: [MemberKey: [Claim]]] = [:]

    /// A declaration whose members are named: by qualified Swift name, except enums (by their raw values, which
    /// alone decide the case names) and the webhook event payload (one per module).
    enum MemberKey: Hashable, Sendable {
        case properties(String)
        case unionCases(String)
        case enumCases([String])
        case pathLabels(String)
        case expandableFields(String)
        case eventCases
    }

    /// The names recorded for `key` in `unit` when they were derived from exactly `bases`; nil otherwise.
    func members(_ key: MemberKey, in unit: Unit, bases: [String]) -> [String]? {
        guard let claims = memberNames[unit]?[key], claims.count == bases.count else { return nil }
        for (claim, base) in zip(claims, bases) where claim.base != base { return nil }
        return claims.map(\.name)
    }

    /// What translates on its own: a component schema, a resource with its operations, or the module's shared
    /// unions and webhook events.
    enum Unit: Hashable, Sendable {
        case component(String)
        case resource([String])
        case module
    }

    /// Names Swift, Foundation, the runtime or the generated module itself already uses at the top level.
    static let reserved: Set<String> = Set([
        "Error", "Type", "Protocol", "Self", "Any", "String", "Int", "Bool", "Double", "Float", "Date", "Decimal",
        "Data", "URL", "Array", "Dictionary", "Set", "Optional", "Result", "Codable", "Never", "Character",
        "Foundation", "CodingKeys", "Identifiable", "Hashable", "Sendable", "Encodable", "Decodable", "Equatable",
        "Comparable", "Duration", "Task",
    ] + RuntimeNames.all + [RuntimeNames.bindings, RuntimeNames.webhookEvent])

    /// Names every nested scope starts with.
    static let nestedReserved: Set<String> = ["CodingKeys", RuntimeNames.expandableField]

    /// Longest union name made of its members' names; longer ones are named after where they are first used,
    /// so names stay readable and file names stay under the file system's 255-byte limit.
    static let maxJoinedUnionNameLength = 64
}
