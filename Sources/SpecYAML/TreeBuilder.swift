import CYAML

/// Turns libyaml events into a node tree with an explicit stack, so deep documents cannot overflow the call stack.
struct TreeBuilder {
    private enum Frame {
        case sequence(mark: Mark, anchor: String?, items: [YAMLNode])
        case mapping(mark: Mark, anchor: String?, pairs: [YAMLPair], pendingKey: YAMLNode?, keys: Set<String>)
    }

    private let path: String
    private var stack: [Frame] = []
    private var anchors: [String: YAMLNode] = [:]
    private var root: YAMLNode?
    private var documents = 0

    init(path: String) {
        self.path = path
        stack.reserveCapacity(64)
    }

    mutating func consume(_ event: borrowing yaml_event_t) throws(YAMLError) {
        let mark = Mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        switch event.type {
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let text = Self.string(data.value, count: data.length)
            let node = YAMLNode(.scalar(YAMLScalar(text, style: Self.style(data.style))), mark: mark)
            try add(node, anchor: Self.optionalString(data.anchor))
        case YAML_SEQUENCE_START_EVENT:
            stack.append(.sequence(mark: mark, anchor: Self.optionalString(event.data.sequence_start.anchor), items: []))
        case YAML_MAPPING_START_EVENT:
            stack.append(.mapping(mark: mark, anchor: Self.optionalString(event.data.mapping_start.anchor),
                                  pairs: [], pendingKey: nil, keys: []))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return }
            switch frame {
            case .sequence(let start, let anchor, let items):
                try add(YAMLNode(.sequence(items), mark: start), anchor: anchor)
            case .mapping(let start, let anchor, let pairs, _, _):
                try add(YAMLNode(.mapping(pairs), mark: start), anchor: anchor)
            }
        case YAML_ALIAS_EVENT:
            let name = Self.optionalString(event.data.alias.anchor) ?? ""
            guard let target = anchors[name] else {
                throw YAMLError(path: path, mark: mark, message: "alias '*\(name)' refers to an unknown anchor")
            }
            try add(target, anchor: nil)
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
        default:
            break
        }
    }

    func finish() throws(YAMLError) -> YAMLNode {
        guard let root else {
            throw YAMLError(path: path, mark: Mark(line: 1, column: 1), message: "the document is empty")
        }
        return root
    }

    private mutating func add(_ node: YAMLNode, anchor: String?) throws(YAMLError) {
        if let anchor { anchors[anchor] = node }
        guard let top = stack.popLast() else {
            if documents <= 1, root == nil { root = node }
            return
        }
        switch top {
        case .sequence(let mark, let seqAnchor, var items):
            items.append(node)
            stack.append(.sequence(mark: mark, anchor: seqAnchor, items: items))
        case .mapping(let mark, let mapAnchor, var pairs, let pendingKey, var keys):
            guard let key = pendingKey else {
                stack.append(.mapping(mark: mark, anchor: mapAnchor, pairs: pairs, pendingKey: node, keys: keys))
                return
            }
            if let text = key.scalar?.text {
                let (inserted, _) = keys.insert(text)
                if !inserted {
                    let first = pairs.first { $0.key.scalar?.text == text }?.key.mark
                    let seen = first.map { " (first at \($0.line):\($0.column))" } ?? ""
                    throw YAMLError(path: path, mark: key.mark, message: "duplicate mapping key '\(text)'\(seen)")
                }
            }
            pairs.append(YAMLPair(key: key, value: node))
            stack.append(.mapping(mark: mark, anchor: mapAnchor, pairs: pairs, pendingKey: nil, keys: keys))
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, count: Int) -> String {
        guard let pointer, count > 0 else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    private static func optionalString(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLScalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }
}
