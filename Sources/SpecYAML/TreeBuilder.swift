import CYAML

/// Turns libyaml events into a node tree with an explicit stack, so deep documents cannot overflow the call stack.
///
/// Finished nodes wait on one shared value stack; a collection's children are moved into their own array, sized
/// exactly, when the collection ends. Frames are changed in place, so no child array is copied while it grows.
struct TreeBuilder {
    private struct Frame {
        var isMapping: Bool
        var mark: Mark
        var anchor: String?
        /// Where this collection's children start on the value stack.
        var start: Int
        /// A mapping's keys, built only once it grows large enough that scanning them would cost more.
        var keys: Set<String>?
    }

    /// Mappings up to this many pairs find duplicate keys by scanning; larger ones keep a set.
    private static let scanLimit = 12

    private let path: String
    private var frames: [Frame] = []
    /// Finished nodes not yet in a collection; a collection's children are moved out (left nil) when it ends.
    private var values: [YAMLNode?] = []
    private var anchors: [String: YAMLNode] = [:]
    private var root: YAMLNode?
    private var documents = 0

    init(path: String) {
        self.path = path
        frames.reserveCapacity(64)
        values.reserveCapacity(1024)
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
            frames.append(Frame(isMapping: false, mark: mark, anchor: Self.optionalString(event.data.sequence_start.anchor),
                                start: values.count))
        case YAML_MAPPING_START_EVENT:
            frames.append(Frame(isMapping: true, mark: mark, anchor: Self.optionalString(event.data.mapping_start.anchor),
                                start: values.count))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = frames.popLast() else { return }
            let node: YAMLNode
            if frame.isMapping {
                var pairs: [YAMLPair] = []
                pairs.reserveCapacity((values.count - frame.start) / 2)
                var index = frame.start
                while index + 1 < values.count {
                    pairs.append(YAMLPair(key: values[index].take()!, value: values[index + 1].take()!))
                    index += 2
                }
                node = YAMLNode(.mapping(pairs), mark: frame.mark)
            } else {
                var items: [YAMLNode] = []
                items.reserveCapacity(values.count - frame.start)
                for index in frame.start..<values.count { items.append(values[index].take()!) }
                node = YAMLNode(.sequence(items), mark: frame.mark)
            }
            values.removeSubrange(frame.start...)
            try add(node, anchor: frame.anchor)
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
        guard !frames.isEmpty else {
            if documents <= 1, root == nil { root = node }
            return
        }
        let top = frames.count - 1
        if frames[top].isMapping, (values.count - frames[top].start) % 2 == 0, let text = node.scalar?.text {
            try checkNewKey(text, mark: node.mark, frame: top)
        }
        values.append(node)
    }

    /// Throws when `text` is already a key of the mapping `frames[frame]`; the error points at the new key.
    private mutating func checkNewKey(_ text: String, mark: Mark, frame: Int) throws(YAMLError) {
        let start = frames[frame].start
        let count = (values.count - start) / 2
        if count < Self.scanLimit {
            var index = start
            while index < values.count {
                if values[index]?.scalar?.text == text { throw duplicate(text, at: mark, first: values[index]!.mark) }
                index += 2
            }
            return
        }
        if frames[frame].keys == nil {
            var keys = Set<String>(minimumCapacity: count * 2)
            var index = start
            while index < values.count {
                if let key = values[index]?.scalar?.text { keys.insert(key) }
                index += 2
            }
            frames[frame].keys = keys
        }
        guard frames[frame].keys!.insert(text).inserted else {
            var index = start
            while values[index]?.scalar?.text != text { index += 2 }
            throw duplicate(text, at: mark, first: values[index]!.mark)
        }
    }

    private func duplicate(_ text: String, at mark: Mark, first: Mark) -> YAMLError {
        YAMLError(path: path, mark: mark, message: "duplicate mapping key '\(text)' (first at \(first.line):\(first.column))")
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
