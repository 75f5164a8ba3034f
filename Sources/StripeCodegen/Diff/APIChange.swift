import StripeSpec

/// One difference between the Swift APIs two specs generate, named as Swift code spells it.
public struct APIChange: Sendable, Hashable, Comparable {
    /// What a change means for code written against the old bindings.
    public enum Impact: String, Sendable, Hashable, CaseIterable, Comparable {
        /// Code that compiled may stop compiling, or a value it relied on may be missing at run time.
        case breaking
        /// Something new; existing code keeps compiling and working.
        case additive
        /// Existing code keeps compiling, but what Stripe accepts or sends changed.
        case note

        /// Orders breaking changes first, then additive ones, then notes.
        public static func < (lhs: Impact, rhs: Impact) -> Bool { lhs.rank < rhs.rank }

        private var rank: Int {
            switch self {
            case .breaking: return 0
            case .additive: return 1
            case .note: return 2
            }
        }
    }

    /// What changed.
    public enum Kind: String, Sendable, Hashable, Comparable {
        /// A type appeared, disappeared, was renamed, or became another kind (model, params, enum, union).
        case typeAdded, typeRemoved, typeRenamed, typeKindChanged
        /// A model property appeared, disappeared, was renamed, or has a different type.
        case propertyAdded, propertyRemoved, propertyRenamed, propertyTypeChanged
        /// A model property became optional, or became required.
        case propertyNowOptional, propertyNowRequired
        /// A request parameter appeared, disappeared, was renamed, changed type, or became optional or required.
        case paramAdded, paramRemoved, paramRenamed, paramTypeChanged, paramNowOptional, paramNowRequired
        /// An enum case or union member appeared, disappeared, was renamed, or carries a different type.
        case caseAdded, caseRemoved, caseRenamed, caseTypeChanged
        /// An operation appeared, disappeared, was renamed, returns a different type, or became deprecated.
        case operationAdded, operationRemoved, operationRenamed, operationResponseChanged, operationDeprecated
        /// An operation sends to a different method or path.
        case operationPathChanged
        /// A property's or parameter's `maxLength` changed.
        case maxLengthChanged

        /// Orders kinds by name, for a stable listing.
        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }

        /// Whether the change takes something away, so its place is in the old spec.
        public var isRemoval: Bool {
            switch self {
            case .typeRemoved, .propertyRemoved, .paramRemoved, .caseRemoved, .operationRemoved: return true
            default: return false
            }
        }
    }

    /// What it means for code written against the old bindings.
    public var impact: Impact
    /// What changed, as a stable identifier (`propertyRemoved`).
    public var kind: Kind
    /// The Swift name it concerns, in the new bindings (the old ones for removals): `CheckoutSession.shippingDetails`.
    public var symbol: String
    /// The top-level Swift type it belongs to (`CheckoutSession`, `CheckoutSessionsAPI`), to group changes by.
    public var group: String
    /// What happened, in a few words: `removed (was CheckoutSession.ShippingDetails?)`.
    public var detail: String
    /// Where it is: in the new spec, or the old one for removals.
    public var location: SourceLocation?

    /// A change; ``APIDiff`` makes them.
    public init(impact: Impact, kind: Kind, symbol: String, group: String, detail: String, location: SourceLocation?) {
        self.impact = impact
        self.kind = kind
        self.symbol = symbol
        self.group = group
        self.detail = detail
        self.location = location
    }

    /// By impact, then group, symbol and kind: a stable order for every output.
    public static func < (lhs: APIChange, rhs: APIChange) -> Bool {
        (lhs.impact, lhs.group, lhs.symbol, lhs.kind, lhs.detail)
            < (rhs.impact, rhs.group, rhs.symbol, rhs.kind, rhs.detail)
    }
}
