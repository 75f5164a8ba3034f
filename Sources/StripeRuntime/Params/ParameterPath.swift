/// Where a value sits inside a request's parameters, printed the way Stripe names parameters:
/// `line_items[0][price_data][currency]`.
public struct ParameterPath: Sendable, Hashable, CustomStringConvertible {
    /// One step of a path: a named field or a position in a list.
    public enum Component: Sendable, Hashable {
        /// A named field, such as `price_data`.
        case key(String)
        /// A zero-based position in a list.
        case index(Int)
    }

    /// The steps from the top of the request down to the value.
    public let components: [Component]

    /// The top of the request, before any field is named.
    public static let root = ParameterPath(components: [])

    /// Creates a path from its steps.
    public init(components: [Component]) {
        self.components = components
    }

    /// The path one field deeper.
    public func appending(_ key: String) -> ParameterPath {
        ParameterPath(components: components + [.key(key)])
    }

    /// The path one list position deeper.
    public func appending(index: Int) -> ParameterPath {
        ParameterPath(components: components + [.index(index)])
    }

    /// The Stripe-style name, with the first field bare and the rest in brackets.
    public var description: String {
        var text = ""
        for (offset, component) in components.enumerated() {
            switch component {
            case .key(let key) where offset == 0:
                text += key
            case .key(let key):
                text += "[\(key)]"
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }
}
