import CYAML

/// Turns libyaml events into a node tree with an explicit stack, so deep documents cannot overflow the call stack.
///
/// Finished nodes wait on one shared value stack; a collection's children are moved into their own array, sized
/// exactly, when the collection ends. Frames are changed in place, so no child array is copied while it grows.
/// Short scalar texts are interned, so a repeated key or value shares one string.
struct TreeBuilder {
    private struct Frame {
        var isMapping: Bool
        /// A mapping has a key that is not an interned ASCII text, so its keys are compared as strings.
        var comparesText: Bool
        var mark: Mark
        var anchor: String?
        /// Where this collection's children start on the value stack.
        var start: Int
        /// A mapping's key ids, built only once it grows large enough that scanning them would cost more.
        var ids: Set<Int32>?
        /// A mapping's keys as strings, for mappings that compare text.
        var keys: Set<String>?
    }

    /// Mappings up to this many pairs find duplicate keys by scanning; larger ones keep a set.
    private static let scanLimit = 12

    private let path: String
    private var frames: [Frame] = []
    /// Finished nodes not yet in a collection; a collection's children are moved out when it ends.
    private var values: [YAMLNode?] = []
    /// For each entry of `values`: the interned id of a scalar's text, or -1. May be longer than `values`.
    private var ids: [Int32] = []
    private var strings = StringTable()
    private var anchors: [String: YAMLNode] = [:]
    private var root: YAMLNode?
    private var documents = 0

    init(path: String) {
        self.path = path
        frames.reserveCapacity(64)
        values.reserveCapacity(1024)
        ids.reserveCapacity(1024)
    }

    mutating func consume(_ event: borrowing yaml_event_t) throws(YAMLError) {
        switch event.type {
        case YAML_SCALAR_EVENT:
            let mark = Self.mark(event)
            let data = event.data.scalar
            let text: String
            let id: Int32
            if let value = data.value, data.length > 0 {
                (text, id) = strings.string(value, count: data.length)
            } else {
                (text, id) = ("", -1)
            }
            if let top = frames.indices.last, frames[top].isMapping, (values.count - frames[top].start) % 2 == 0 {
                try checkNewKey(text, id: id, mark: mark, frame: top)
            }
            let anchor = data.anchor == nil ? nil : Self.optionalString(data.anchor)
            add(YAMLNode(.scalar(YAMLScalar(consume text, style: Self.style(data.style))), mark: mark), id: id, anchor: anchor)
        case YAML_SEQUENCE_START_EVENT:
            let anchor = event.data.sequence_start.anchor == nil ? nil : Self.optionalString(event.data.sequence_start.anchor)
            openCollection(isMapping: false, mark: Self.mark(event), anchor: anchor)
        case YAML_MAPPING_START_EVENT:
            let anchor = event.data.mapping_start.anchor == nil ? nil : Self.optionalString(event.data.mapping_start.anchor)
            openCollection(isMapping: true, mark: Self.mark(event), anchor: anchor)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = frames.popLast() else { return }
            let start = frame.start
            let count = values.count - start
            let node: YAMLNode
            if frame.isMapping {
                var pairs: [YAMLPair] = []
                pairs.reserveCapacity(count / 2)
                values.withUnsafeMutableBufferPointer { buffer in
                    var source = buffer.baseAddress! + start
                    let end = source + (count & ~1)
                    while source < end {
                        pairs.append(YAMLPair(key: source.move()!, value: (source + 1).move()!))
                        source.initialize(to: nil)
                        (source + 1).initialize(to: nil)
                        source += 2
                    }
                }
                node = YAMLNode(.mapping(pairs), mark: frame.mark)
            } else {
                var items: [YAMLNode] = []
                items.reserveCapacity(count)
                values.withUnsafeMutableBufferPointer { buffer in
                    var source = buffer.baseAddress! + start
                    let end = source + count
                    while source < end {
                        items.append(source.move()!)
                        source.initialize(to: nil)
                        source += 1
                    }
                }
                node = YAMLNode(.sequence(items), mark: frame.mark)
            }
            values.removeSubrange(start...)
            add(node, id: -1, anchor: frame.anchor)
        case YAML_ALIAS_EVENT:
            let mark = Self.mark(event)
            let name = Self.optionalString(event.data.alias.anchor) ?? ""
            guard let target = anchors[name] else {
                throw YAMLError(path: path, mark: mark, message: "alias '*\(name)' refers to an unknown anchor")
            }
            if let top = frames.indices.last, frames[top].isMapping, (values.count - frames[top].start) % 2 == 0,
               let text = target.scalar?.text {
                // An aliased key has no id, so the mapping compares its keys as text from here on.
                try checkNewKey(text, id: -1, mark: target.mark, frame: top)
            }
            add(target, id: -1, anchor: nil)
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

    @inline(__always)
    private static func mark(_ event: borrowing yaml_event_t) -> Mark {
        Mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
    }

    private mutating func openCollection(isMapping: Bool, mark: Mark, anchor: String?) {
        frames.append(Frame(isMapping: isMapping, comparesText: false, mark: mark, anchor: anchor, start: values.count))
    }

    private mutating func add(_ node: consuming YAMLNode, id: Int32, anchor: String?) {
        if let anchor { anchors[anchor] = copy node }
        guard !frames.isEmpty else {
            if documents <= 1, root == nil { root = consume node }
            return
        }
        // `ids` is never shortened: entries past `values.count` are stale and get overwritten.
        if ids.count > values.count { ids[values.count] = id } else { ids.append(id) }
        values.append(Optional(consume node))
    }

    /// Throws when `text` is already a key of the mapping `frames[frame]`; the error points at the new key.
    private mutating func checkNewKey(_ text: String, id: Int32, mark: Mark, frame: Int) throws(YAMLError) {
        let start = frames[frame].start
        let count = (values.count - start) / 2
        if id < 0, !frames[frame].comparesText {
            frames[frame].comparesText = true
        }
        if !frames[frame].comparesText {
            // Every key so far is an interned ASCII text or not a scalar: equal texts have equal ids.
            if count < Self.scanLimit {
                var index = start
                while index < values.count {
                    if ids[index] == id { throw duplicate(text, at: mark, first: values[index]!.mark) }
                    index += 2
                }
                return
            }
            if frames[frame].ids == nil {
                var set = Set<Int32>(minimumCapacity: count * 2)
                var index = start
                while index < values.count {
                    if ids[index] >= 0 { set.insert(ids[index]) }
                    index += 2
                }
                frames[frame].ids = set
            }
            guard frames[frame].ids!.insert(id).inserted else {
                var index = start
                while ids[index] != id { index += 2 }
                throw duplicate(text, at: mark, first: values[index]!.mark)
            }
            return
        }
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
