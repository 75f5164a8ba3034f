import StripeSpec

/// The Swift type of a value, before it is printed.
indirect enum TypeRef: Hashable, Sendable {
    case string, int, double, bool, date, decimal, json
    case array(TypeRef)
    case map(TypeRef)
    /// A generated type, by its fully qualified Swift name (`CheckoutSession.Status`).
    case named(String)
    case expandable(TypeRef)
    case unsettable(TypeRef)

    /// The Swift spelling.
    var swift: String {
        switch self {
        case .string: return "String"
        case .int: return "Int"
        case .double: return "Double"
        case .bool: return "Bool"
        case .date: return "Date"
        case .decimal: return "Decimal"
        case .json: return RuntimeNames.jsonValue
        case .array(let element): return "[" + element.swift + "]"
        case .map(let value): return "[String: " + value.swift + "]"
        case .named(let name): return name
        case .expandable(let object): return RuntimeNames.expandable + "<" + object.swift + ">"
        case .unsettable(let value): return RuntimeNames.unsettable + "<" + value.swift + ">"
        }
    }
}

/// One stored property of a generated struct.
struct PropertyIR: Sendable {
    /// The name on the wire.
    var jsonName: String
    /// The Swift identifier, escaped where needed.
    var swiftName: String
    var type: TypeRef
    /// Whether the value may be absent or null.
    var optional: Bool
    var documentation: DocComment
    var maxLength: Int?
    /// Whether the property is stored in a box because its value holds a generated struct inline
    /// (``NestedStructBoxing``).
    var isIndirect = false
    /// Where the property is declared in the spec (`stripe-codegen diff` names it).
    var location: SourceLocation?
    /// Whether the spec requires the field but a response may lack it (``AbsentFieldRules``): optional in Swift,
    /// decoded under the decoder's required-field policy, and still an argument of the memberwise init.
    var toleratesAbsence = false
}

/// A generated struct: a model, a params type, or an inline object.
struct StructIR: Sendable {
    var name: String
    var documentation: [String]
    var properties: [PropertyIR]
    var nested: [TypeDeclIR]
    /// `StripeParams` for request types, `Codable` models otherwise.
    var isParams: Bool
    /// Whether the struct has a required `id: String`, so it can be expanded and paged.
    var isIdentifiable: Bool
    /// `x-expandableFields`, typed as an enum nested in the struct.
    var expandableFields: [EnumCase]
    /// Where the struct's schema (or, for params, the operation) is in the spec.
    var location: SourceLocation?
}

/// An open string enum: known cases plus `unrecognized(String)`.
struct EnumIR: Sendable {
    var name: String
    var documentation: [String]
    /// Raw values in spec order, as the spec lists them.
    var values: [String]
    /// One case per distinct non-empty value, named by the ``NameTable``.
    var cases: [EnumCase]
    /// Where the enum's schema is in the spec.
    var location: SourceLocation?
}

/// An open enum's case: its Swift name and the raw value it stands for.
struct EnumCase: Sendable, Hashable {
    var name: String
    var rawValue: String
}

/// A value that is one of several types, decided by the payload.
struct UnionIR: Sendable {
    struct Member: Sendable {
        var caseName: String
        var type: TypeRef
        /// The `object` value that identifies the member, when it has one.
        var objectTag: String?
        /// Whether the member is a deleted object (`deleted: true`).
        var isDeleted: Bool
        var isIdentifiable: Bool
    }

    var name: String
    var documentation: [String]
    var members: [Member]
    var isParams: Bool
    /// Where the union's schema is in the spec, when it is declared inline.
    var location: SourceLocation?
}

/// Any generated type declaration.
enum TypeDeclIR: Sendable {
    case structure(StructIR)
    case enumeration(EnumIR)
    case union(UnionIR)

    var name: String {
        switch self {
        case .structure(let decl): return decl.name
        case .enumeration(let decl): return decl.name
        case .union(let decl): return decl.name
        }
    }
}
