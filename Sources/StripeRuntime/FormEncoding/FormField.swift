/// One `name=value` pair of a form body or query string, before percent-encoding.
public struct FormField: Sendable, Hashable, CustomStringConvertible {
    /// The bracketed parameter name, such as `line_items[0][price]`.
    public var name: String
    /// The value as text.
    public var value: String

    /// Creates a pair.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// The unencoded `name=value` text, for reading in tests and logs.
    public var description: String { "\(name)=\(value)" }
}
