import ParallelWork

/// A line where a chunk of a large document may start: a key of a block mapping nested `indent / 2` levels deep,
/// written as exactly `indent` spaces and a plain key.
struct ChunkBoundary: Sendable, Hashable {
    /// The byte offset of the line's start.
    var offset: Int
    /// 2 or 4: the key's column, counted from 0.
    var indent: Int
    /// The line's number, counted from 0 as libyaml does.
    var line = 0

    /// How many mappings are open at the key, the root included.
    var depth: Int { indent / 2 + 1 }

    /// Lines of parent keys that open the same mappings around the key as the document does: `k:`, then `  k:`, ...
    var syntheticPrefix: [UInt8] {
        (0..<depth - 1).flatMap { level in Array(repeating: UInt8(ascii: " "), count: 2 * level) + Array("k:\n".utf8) }
    }
}

/// Chooses chunk boundaries near equal byte splits. A boundary is only a guess from the bytes (the line may sit in a
/// block scalar, say); parsing verifies each one, see `ChunkParser`.
enum ChunkPlan {
    /// How far past each split point a boundary line is looked for.
    static let searchLimit = 1 << 20

    /// Up to `chunks - 1` boundaries in increasing order, with their line numbers; nil when the input cannot be split
    /// (a byte order mark, or line breaks libyaml counts differently from line feeds).
    static func boundaries(in bytes: UnsafeBufferPointer<UInt8>, chunks: Int) -> [ChunkBoundary]? {
        guard bytes.count >= 4, bytes[0] != 0, bytes[1] != 0, bytes[0] < 0x80 else { return nil }
        var boundaries: [ChunkBoundary] = []
        for part in 1..<chunks {
            let target = max(bytes.count * part / chunks, (boundaries.last?.offset ?? 0) + 1)
            if let boundary = boundary(in: bytes, from: target) { boundaries.append(boundary) }
        }
        return numbered(boundaries, in: bytes)
    }

    /// `boundaries` (in increasing order) with their line numbers, or nil when there are none or the lines before
    /// the last cannot be counted as libyaml counts them.
    static func numbered(_ boundaries: [ChunkBoundary], in bytes: UnsafeBufferPointer<UInt8>) -> [ChunkBoundary]? {
        guard !boundaries.isEmpty else { return nil }
        var boundaries = boundaries
        // Lines before each boundary, counted in parallel: each range between boundaries in as many pieces as chunks.
        let parts = boundaries.count + 1
        var pieces: [(boundary: Int, range: Range<Int>)] = []
        var start = 0
        for (index, boundary) in boundaries.enumerated() {
            let length = boundary.offset - start
            for part in 0..<parts {
                pieces.append((index, start + length * part / parts..<start + length * (part + 1) / parts))
            }
            start = boundary.offset
        }
        let counts = ParallelMap.map(pieces.indices, width: pieces.count) {
            LineBreaks.count(in: bytes, range: pieces[$0].range)
        }
        var line = 0
        for (piece, count) in zip(pieces, counts) {
            guard let count else { return nil }
            line += count
            boundaries[piece.boundary].line = line
        }
        return boundaries
    }

    /// The first boundary line starting at or after `target`, within `searchLimit` bytes.
    static func boundary(in bytes: UnsafeBufferPointer<UInt8>, from target: Int) -> ChunkBoundary? {
        let end = min(bytes.count, target + searchLimit)
        var index = target
        while index < end {
            guard bytes[index - 1] == 0x0A else { index += 1; continue }
            var spaces = 0
            while index + spaces < bytes.count, bytes[index + spaces] == UInt8(ascii: " "), spaces < 5 { spaces += 1 }
            if spaces == 2 || spaces == 4, index + spaces < bytes.count, isKeyStart(bytes[index + spaces]) {
                return ChunkBoundary(offset: index, indent: spaces)
            }
            index += 1
        }
        return nil
    }

    /// Letters, digits, `_`, `/`, `$` and `.`: a plain scalar starts with them, and no indicator does.
    private static func isKeyStart(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "/"), UInt8(ascii: "$"),
             UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }
}
