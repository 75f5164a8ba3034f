/// Joins chunk trees in order into the document's tree: each chunk's pairs are appended to the mappings the chunks
/// before it left open, which it closes or leaves open in turn.
struct ChunkMerge {
    /// An open mapping and, once pairs from a later chunk are appended, the texts of its scalar keys.
    private struct Level {
        var mapping: OpenMapping
        var keys: Set<String>?
    }

    private var levels: [Level]
    private var root: YAMLNode?

    /// Starts from the mappings the first chunk left open at its boundary.
    init(first: ChunkTree) {
        levels = first.open.map { Level(mapping: $0) }
    }

    /// Appends a later chunk. False when it does not fit, or a key it adds is already a key of that mapping (a
    /// duplicate across a boundary): the sequential parse then gives the answer and the error.
    mutating func append(_ chunk: ChunkTree) -> Bool {
        let depth = chunk.closedPairs.count
        guard root == nil, depth == levels.count, chunk.openInherited <= depth,
              chunk.open.count >= chunk.openInherited else { return false }
        var level = depth - 1
        while level >= chunk.openInherited {
            guard add(chunk.closedPairs[level], pendingKey: nil, to: level) else { return false }
            let closed = levels.removeLast().mapping
            let node = YAMLNode(.mapping(closed.pairs), mark: closed.mark)
            if level == 0 {
                root = node
            } else {
                guard let key = levels[level - 1].mapping.pendingKey else { return false }
                levels[level - 1].mapping.pairs.append(YAMLPair(key: key, value: node))
                levels[level - 1].mapping.pendingKey = nil
            }
            level -= 1
        }
        for level in 0..<chunk.openInherited {
            let open = chunk.open[level]
            guard open.pendingKey == nil || levels[level].mapping.pendingKey == nil,
                  add(open.pairs, pendingKey: open.pendingKey, to: level) else { return false }
        }
        guard root == nil || chunk.open.isEmpty else { return false }
        levels.append(contentsOf: chunk.open[chunk.openInherited...].map { Level(mapping: $0) })
        return true
    }

    /// The document's root, once a chunk has closed it and nothing is left open.
    func finish() -> YAMLNode? {
        levels.isEmpty ? root : nil
    }

    /// Appends `pairs` and a pending key to `levels[level]`; false when a key is already there.
    private mutating func add(_ pairs: [YAMLPair], pendingKey: YAMLNode?, to level: Int) -> Bool {
        guard !pairs.isEmpty || pendingKey != nil else { return true }
        var keys = levels[level].keys ?? Self.keys(of: levels[level].mapping)
        levels[level].keys = nil  // uniquely held while it grows
        defer { levels[level].keys = keys }
        for key in pairs.map(\.key) + (pendingKey.map { [$0] } ?? []) {
            if let text = key.scalar?.text, !keys.insert(text).inserted { return false }
        }
        levels[level].mapping.pairs.append(contentsOf: pairs)
        if let pendingKey { levels[level].mapping.pendingKey = pendingKey }
        return true
    }

    private static func keys(of mapping: OpenMapping) -> Set<String> {
        var keys = Set<String>(minimumCapacity: mapping.pairs.count * 2)
        for pair in mapping.pairs { if let text = pair.keyText { keys.insert(text) } }
        if let text = mapping.pendingKey?.scalar?.text { keys.insert(text) }
        return keys
    }
}
