import StripeSpec

/// The rules that name nested types, in one place: the ``NamingStage`` applies them to decide the names, and
/// translation applies them again to ask for each decided name, so both always agree on base, suffix and hint.
enum NestedTypeRules {
    /// A struct's own name, taken in its scope first so no nested type shadows it.
    static let ownNameSuffix = "Value"

    /// The values a string schema's nested enum gets, or `nil` when it stays a `String`: two or more values, or
    /// one in params (where it is still a choice the caller must spell right).
    static func enumValues(of schema: Schema, isParams: Bool) -> [String]? {
        let values = (schema.enumValues ?? []).filter { !$0.isEmpty }
        return values.count >= 2 || (isParams && values.count == 1) ? values : nil
    }

    /// The suffix of every params type whose name is taken: the one exception to "a params type is its param's name".
    static let paramsSuffix = "Params"

    /// `status` -> `Status`; `type` -> `Kind`, since `Type` is a Swift keyword. When taken: `Value` (models) or
    /// `Params` (params).
    static func enumBase(hint: String, isParams: Bool) -> (base: String, suffix: String) {
        (hint == "type" ? "Kind" : SwiftNames.typeName(hint), isParams ? paramsSuffix : "Value")
    }

    /// What makes an inline enum the same type wherever it occurs: its field and its values.
    static func enumKey(hint: String, values: [String]) -> NameTable.EnumKey {
        NameTable.EnumKey(field: hint, values: values)
    }

    /// What makes an inline params object the same type wherever it occurs: its param, its title and its shape;
    /// `nil` for model objects and untitled ones, which are declared where they occur.
    static func objectKey(hint: String, schema: Schema, isParams: Bool) -> NameTable.ObjectKey? {
        guard isParams, let title = schema.title else { return nil }
        return NameTable.ObjectKey(field: hint, title: title, shape: SchemaShape(schema: schema))
    }

    /// An inline object: `Details` (models) or `Params` (params) when its name is taken.
    static func objectBase(hint: String, isParams: Bool) -> (base: String, suffix: String) {
        (SwiftNames.typeName(hint), isParams ? paramsSuffix : "Details")
    }

    /// An inline union of mixed alternatives: `Value` (models) or `Params` (params) when its name is taken.
    static func mixedUnionBase(hint: String, isParams: Bool) -> (base: String, suffix: String) {
        (SwiftNames.typeName(hint), isParams ? paramsSuffix : "Value")
    }

    /// An operation's params struct, nested in its resource.
    static func paramsBase(method: String) -> (base: String, suffix: String) {
        (SwiftNames.typeName(method) + "Params", "Value")
    }

    /// The hint for an array's items: `line_items` -> `line_item`.
    static func itemHint(_ hint: String) -> String { SwiftNames.singular(hint) }

    /// The hint for a map's values: singular in params, as for arrays (`currency_options` -> `currency_option`);
    /// `<field>_value` in models.
    static func mapValueHint(_ hint: String, isParams: Bool) -> String {
        isParams ? SwiftNames.singular(hint) : hint + "_value"
    }

    /// The hint for one alternative of a mixed union: its title, else its position.
    static func alternativeHint(_ member: Schema, hint: String, index: Int) -> String {
        member.title ?? "\(hint)_option\(index + 1)"
    }

    /// The hint for a list operation's element and for a single response.
    static func listItemHint(method: String) -> String { method + "_item" }
    static func responseHint(method: String) -> String { method + "_response" }

    /// A top-level name for a union used by a property: `BalanceTransaction` + `source`.
    static func unionContext(qualifiedName: String, hint: String) -> String {
        qualifiedName.split(separator: ".").joined() + SwiftNames.typeName(hint)
    }
}
