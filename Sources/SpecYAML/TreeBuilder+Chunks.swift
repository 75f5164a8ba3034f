import CYAML

/// A block mapping still open where a chunk of the input ends: its pairs so far and the key whose value is the next
/// open mapping, so the chunk after it can append to it.
struct OpenMapping: Sendable {
    var mark: Mark
    var pairs: [YAMLPair]
    var pendingKey: YAMLNode?
}

/// What a builder that starts inside the document leaves behind: the pairs it added to the mappings it inherited, and
/// the mappings still open where it stopped.
struct ChunkTree: Sendable {
    /// By inherited level, outermost first: the pairs that level got before it closed (empty for open levels).
    var closedPairs: [[YAMLPair]]
    /// The mappings open at the end, outermost first; the first `openInherited` of them continue inherited levels,
    /// holding only what this chunk added.
    var open: [OpenMapping]
    var openInherited: Int
}

/// Building a chunk of a document: a chunk that starts at a boundary key inherits the block mappings around it, which
/// it appends to but never builds, since their earlier pairs belong to the chunks before it.
extension TreeBuilder {
    /// Stands for the key and the value of an inherited mapping's entry that holds the next inherited mapping: not a
    /// scalar, so no key is ever compared with it.
    static let placeholder = YAMLNode(.sequence([]))

    /// Opens `depth` inherited block mappings at columns 1, 3, 5, ..., each but the innermost in value position.
    mutating func inherit(depth: Int) {
        for level in 0..<depth {
            frames.append(Frame(isMapping: true, isPlainBlock: true, inherited: true,
                                mark: Mark(line: 0, column: 2 * level + 1), anchor: nil, start: self.depth))
            if level < depth - 1 { add(Self.placeholder, length: -1, anchor: nil) }
        }
        closedPairs = Array(repeating: [], count: depth)
        documents = 1
    }

    /// How many placeholders lead the items of inherited level `level` while `innerOpen` (the level inside it is open).
    private func placeholders(level: Int, innerOpen: Bool) -> Int {
        level == closedPairs.count - 1 ? 0 : (innerOpen ? 1 : 2)
    }

    /// Ends an inherited mapping: its new pairs are kept for the merge, and its parent gets a placeholder value.
    mutating func closeInherited(_ frame: Frame) {
        let level = frames.count
        let start = frame.start + placeholders(level: level, innerOpen: false)
        closedPairs[level] = pairs(start..<depth).pairs
        for index in frame.start..<depth { values[index] = nil }
        depth = frame.start
        if level > 0 { add(Self.placeholder, length: -1, anchor: nil) }
    }

    /// Whether the builder stands where a boundary key of a mapping `depth` levels deep can follow: in the first
    /// document, only block mappings without anchor or tag are open, at columns 1, 3, 5, ..., each holding the next
    /// as a value, and the innermost expects a key.
    func isAtBoundary(depth expected: Int) -> Bool {
        guard documents == 1, frames.count == expected else { return false }
        for (level, frame) in frames.enumerated() {
            guard frame.isMapping, frame.isPlainBlock, frame.mark.column == 2 * level + 1 else { return false }
            let end = level + 1 < frames.count ? frames[level + 1].start : depth
            guard (end - frame.start) % 2 == (level + 1 < frames.count ? 1 : 0) else { return false }
        }
        return true
    }

    /// The state at a boundary: every open mapping with its pairs so far, and the pairs of closed inherited levels.
    func chunkTree() -> ChunkTree {
        let openInherited = frames.prefix { $0.inherited }.count
        var open: [OpenMapping] = []
        open.reserveCapacity(frames.count)
        for (level, frame) in frames.enumerated() {
            var start = frame.start
            if frame.inherited { start += placeholders(level: level, innerOpen: level + 1 < openInherited) }
            let end = level + 1 < frames.count ? frames[level + 1].start : depth
            let (pairs, pending) = pairs(start..<end)
            open.append(OpenMapping(mark: frame.mark, pairs: pairs, pendingKey: pending))
        }
        return ChunkTree(closedPairs: closedPairs, open: open, openInherited: openInherited)
    }

    /// The pairs of the finished nodes in `range` of the value stack, and a last key without its value yet.
    private func pairs(_ range: Range<Int>) -> (pairs: [YAMLPair], pending: YAMLNode?) {
        var pairs: [YAMLPair] = []
        pairs.reserveCapacity(range.count / 2)
        var index = range.lowerBound
        while index + 1 < range.upperBound {
            if let key = values[index], let value = values[index + 1] { pairs.append(YAMLPair(key: key, value: value)) }
            index += 2
        }
        return (pairs, index < range.upperBound ? values[index] : nil)
    }
}
