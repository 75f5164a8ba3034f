/// Constraint checks that generated `validate(at:)` implementations call, one per rule of the spec.
///
/// Each throws a `StripeError` of kind `invalidParameter` naming the parameter, the limit and the
/// offending value's size.
public enum ParameterCheck {
    /// Checks that an optional string has at most `max` characters.
    public static func maxLength(_ value: String?, _ max: Int, at path: ParameterPath) throws {
        guard let value else { return }
        let length = value.count
        guard length <= max else {
            throw StripeError.invalidParameter(
                path: path,
                reason: "must be at most \(max) characters long, but is \(length)"
            )
        }
    }

    /// Checks the length of a set value; `.unset` (sent as an empty string) always passes.
    public static func maxLength(_ value: Unsettable<String>?, _ max: Int, at path: ParameterPath) throws {
        guard case .set(let string)? = value else { return }
        try maxLength(string, max, at: path)
    }

    /// Checks every string of a list, naming the offending element by its index.
    public static func maxLength(_ values: [String]?, _ max: Int, at path: ParameterPath) throws {
        guard let values else { return }
        for (index, value) in values.enumerated() {
            try maxLength(value, max, at: path.appending(index: index))
        }
    }

    /// Validates each element of a list of nested parameters, with its index appended to the path.
    public static func each<T: StripeParams>(_ values: [T]?, at path: ParameterPath) throws {
        guard let values else { return }
        for (index, value) in values.enumerated() {
            try value.validate(at: path.appending(index: index))
        }
    }

    /// Validates an optional nested parameter object at `path`.
    public static func nested<T: StripeParams>(_ value: T?, at path: ParameterPath) throws {
        try value?.validate(at: path)
    }

    /// Checks every string of a set list; `.unset` always passes.
    public static func maxLength(_ values: Unsettable<[String]>?, _ max: Int, at path: ParameterPath) throws {
        guard case .set(let list)? = values else { return }
        try maxLength(list, max, at: path)
    }

    /// Validates each element of a set list of nested parameters; `.unset` always passes.
    public static func each<T: StripeParams>(_ values: Unsettable<[T]>?, at path: ParameterPath) throws {
        guard case .set(let list)? = values else { return }
        try each(list, at: path)
    }

    /// Validates a set nested parameter object; `.unset` always passes.
    public static func nested<T: StripeParams>(_ value: Unsettable<T>?, at path: ParameterPath) throws {
        guard case .set(let nested)? = value else { return }
        try nested.validate(at: path)
    }
}
