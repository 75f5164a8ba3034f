/// One node of a YAML document: a scalar, a sequence or a mapping, with the place it starts.
/// Mappings keep their keys in source order, because spec order is meaningful to readers.
public struct YAMLNode: Sendable, Hashable {
    /// What the node holds.
    public enum Content: Sendable, Hashable {
        /// A scalar value.
        case scalar(YAMLScalar)
        /// A sequence of nodes, in source order.
        case sequence([YAMLNode])
        /// A mapping, as key-value pairs in source order.
        case mapping([YAMLPair])
    }

    /// What the node holds.
    public var content: Content
    /// Where the node starts in its source.
    public var mark: Mark

    /// Creates a node holding `content` that starts at `mark` (0:0 for nodes built in code).
    public init(_ content: Content, mark: Mark = Mark(line: 0, column: 0)) {
        self.content = content
        self.mark = mark
    }

    /// A plain or quoted string scalar.
    public static func string(_ text: String, style: YAMLScalar.Style = .plain, mark: Mark = Mark(line: 0, column: 0)) -> YAMLNode {
        YAMLNode(.scalar(YAMLScalar(text, style: style)), mark: mark)
    }

    /// A mapping node from ordered pairs.
    public static func mapping(_ pairs: [YAMLPair], mark: Mark = Mark(line: 0, column: 0)) -> YAMLNode {
        YAMLNode(.mapping(pairs), mark: mark)
    }

    /// A sequence node.
    public static func sequence(_ items: [YAMLNode], mark: Mark = Mark(line: 0, column: 0)) -> YAMLNode {
        YAMLNode(.sequence(items), mark: mark)
    }
}

/// A key and its value in a mapping.
public struct YAMLPair: Sendable, Hashable {
    /// The key node, usually a scalar.
    public var key: YAMLNode
    /// The value node.
    public var value: YAMLNode

    /// Creates a pair of `key` and `value`.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }

    /// The key's text when the key is a scalar.
    public var keyText: String? { key.scalar?.text }
}

extension YAMLNode {
    /// The scalar, when this node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The scalar's text, when this node is a non-null scalar.
    public var string: String? {
        guard let scalar, !scalar.isNull else { return nil }
        return scalar.text
    }

    /// The items, when this node is a sequence.
    public var items: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The pairs in source order, when this node is a mapping.
    public var pairs: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The value for a scalar key, when this node is a mapping that has it.
    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = content else { return nil }
        // Lengths first, when that is exact: a text equal to an ASCII key with none of the three ASCII characters
        // that other characters are canonically equivalent to (`K`, `;`, `` ` ``) has the key's very bytes.
        let count = key.utf8.count
        let lengthsDecide = YAMLScalar.lengthDecidesEquality(key)
        for index in pairs.indices {
            guard case .scalar(let scalar) = pairs[index].key.content else { continue }
            if lengthsDecide, scalar.text.utf8.count != count { continue }
            if scalar.text == key { return pairs[index].value }
        }
        return nil
    }

    /// A short word for the node's kind, for error messages.
    public var kindName: String {
        switch content {
        case .scalar(let scalar): return scalar.isNull ? "null" : "scalar"
        case .sequence: return "sequence"
        case .mapping: return "mapping"
        }
    }
}
