import CYAML

/// Turns libyaml events into a node tree with an explicit stack, so deep documents cannot overflow the call stack.
///
/// Finished nodes wait on one shared value stack; a collection's children are moved into their own array, sized
/// exactly, when the collection ends. Frames are changed in place, so no child array is copied while it grows.
/// Scalar texts that need an allocation are interned, so a repeated key or value shares one string.
struct TreeBuilder {
    struct Frame {
        var isMapping: Bool
        /// A block mapping without anchor or tag, whose start mark is its indentation: what a chunk boundary needs.
        var isPlainBlock: Bool
        /// A mapping opened before this chunk of the input (see `TreeBuilder+Chunks.swift`): it builds no node.
        var inherited = false
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
    /// Added to every line libyaml reports: the lines before this parser's input, less its synthetic lines.
    private let lineOffset: Int
    var frames: [Frame] = []
    /// Finished nodes not yet in a collection, in `values[..<depth]`; a collection's children are moved out when it
    /// ends, leaving nil. The array is never shortened: slots from `depth` on are nil and get reused.
    var values: [YAMLNode?] = []
    var depth = 0
    /// For each entry of `values`, the UTF-8 length of a scalar's text or -1 for a collection, so a new key is
    /// compared only with keys of its length (when that is exact, see `checkNewKey`). Never shortened: entries past
    /// `depth` are stale and get overwritten.
    var lengths: [Int32] = []
    private var strings = StringTable()
    private var anchors: [String: YAMLNode] = [:]
    private var root: YAMLNode?
    var documents = 0
    /// The pairs each inherited mapping got in this chunk, by level, filled in as each one closes.
    var closedPairs: [[YAMLPair]] = []

    init(path: String, lineOffset: Int = 0) {
        self.path = path
        self.lineOffset = lineOffset
        frames.reserveCapacity(64)
        values.reserveCapacity(1024)
        lengths.reserveCapacity(1024)
    }

    mutating func consume(_ event: borrowing yaml_event_t) throws(YAMLError) {
        switch event.type {
        case YAML_SCALAR_EVENT:
            let mark = mark(event)
            let data = event.data.scalar
            let text: String
            let length = data.value == nil ? 0 : data.length
            if let value = data.value, length > 0 {
                text = strings.string(value, count: length)
            } else {
                text = ""
            }
            if let top = frames.indices.last, frames[top].isMapping, (depth - frames[top].start) % 2 == 0 {
                try checkNewKey(text, length: length, bytes: data.value, mark: mark, frame: top)
            }
            let anchor = data.anchor == nil ? nil : Self.optionalString(data.anchor)
            // `consume`: the node takes this reference to the text rather than a copy of it.
            add(YAMLNode(.scalar(YAMLScalar(consume text, style: Self.style(data.style))), mark: mark),
                length: length, anchor: anchor)
        case YAML_SEQUENCE_START_EVENT:
            let anchor = event.data.sequence_start.anchor == nil ? nil : Self.optionalString(event.data.sequence_start.anchor)
            openCollection(isMapping: false, isPlainBlock: false, mark: mark(event), anchor: anchor)
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            let anchor = start.anchor == nil ? nil : Self.optionalString(start.anchor)
            openCollection(isMapping: true,
                           isPlainBlock: start.style == YAML_BLOCK_MAPPING_STYLE && start.anchor == nil && start.tag == nil,
                           mark: mark(event), anchor: anchor)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = frames.popLast() else { return }
            if frame.inherited {
                closeInherited(frame)
                return
            }
            let start = frame.start
            let count = depth - start
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
            if count % 2 == 1, frame.isMapping { values[start + count - 1] = nil }
            depth = start
            add(node, length: -1, anchor: frame.anchor)
        case YAML_ALIAS_EVENT:
            let mark = mark(event)
            let name = Self.optionalString(event.data.alias.anchor) ?? ""
            guard let target = anchors[name] else {
                throw YAMLError(path: path, mark: mark, message: "alias '*\(name)' refers to an unknown anchor")
            }
            let length = target.scalar.map { $0.text.utf8.count } ?? -1
            if let top = frames.indices.last, frames[top].isMapping, (depth - frames[top].start) % 2 == 0,
               let text = target.scalar?.text {
                try checkNewKey(text, length: length, bytes: nil, mark: target.mark, frame: top)
            }
            add(target, length: length, anchor: nil)
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
    private func mark(_ event: borrowing yaml_event_t) -> Mark {
        Mark(line: Int(event.start_mark.line) + 1 + lineOffset, column: Int(event.start_mark.column) + 1)
    }

    private mutating func openCollection(isMapping: Bool, isPlainBlock: Bool, mark: Mark, anchor: String?) {
        frames.append(Frame(isMapping: isMapping, isPlainBlock: isPlainBlock, mark: mark, anchor: anchor, start: depth))
    }

    mutating func add(_ node: consuming YAMLNode, length: Int, anchor: String?) {
        if let anchor { anchors[anchor] = copy node }
        guard !frames.isEmpty else {
            if documents <= 1, root == nil { root = consume node }
            return
        }
        let length = Int32(truncatingIfNeeded: length)
        if lengths.count > depth { lengths[depth] = length } else { lengths.append(length) }
        if values.count > depth { values[depth] = Optional(consume node) } else { values.append(Optional(consume node)) }
        depth += 1
    }

    /// Throws when `text` (`length` UTF-8 bytes) is already a key of the mapping `frames[frame]`; the error points at
    /// the new key.
    /// `bytes` are the text's UTF-8 bytes when at hand.
    private mutating func checkNewKey(_ text: String, length: Int, bytes: UnsafeMutablePointer<yaml_char_t>?, mark: Mark,
                                      frame: Int) throws(YAMLError) {
        let start = frames[frame].start
        let count = (depth - start) / 2
        if count < Self.scanLimit {
            guard count > 0 else { return }
            // Only keys of the same length can be equal when `lengthDecides` (see `YAMLScalar.lengthDecidesEquality`);
            // otherwise every key is compared.
            let lengthDecides = bytes.map { YAMLScalar.lengthDecidesEquality($0, count: length) }
                ?? YAMLScalar.lengthDecidesEquality(text)
            let length = Int32(truncatingIfNeeded: length)
            var index = start
            while index < depth {
                if !lengthDecides || lengths[index] == length, let key = values[index], key.scalar?.text == text {
                    throw duplicate(text, at: mark, first: key.mark)
                }
                index += 2
            }
            return
        }
        var keys = frames[frame].keys ?? {
            var keys = Set<String>(minimumCapacity: count * 2)
            var index = start
            while index < depth {
                if let key = values[index]?.scalar?.text { keys.insert(key) }
                index += 2
            }
            return keys
        }()
        frames[frame].keys = nil  // the set is uniquely held while it grows, so inserting does not copy it
        let inserted = keys.insert(text).inserted
        frames[frame].keys = keys
        guard inserted else {
            var first = mark
            var index = start
            while index < depth {
                if let key = values[index], key.scalar?.text == text {
                    first = key.mark
                    break
                }
                index += 2
            }
            throw duplicate(text, at: mark, first: first)
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
