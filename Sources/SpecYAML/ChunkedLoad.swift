import Foundation
import ParallelWork

/// Loads a large document in chunks parsed concurrently, then joined; the tree, marks and errors are the sequential
/// load's. Returns nil whenever it cannot vouch for that (no boundary, a boundary that does not verify before the
/// last chunk, an error past the first chunk, an alias to another chunk's anchor), so the caller loads sequentially.
enum ChunkedLoad {
    /// When and how much to split.
    struct Options: Sendable {
        /// Smaller inputs parse faster than threads start.
        var minimumSize = 256 * 1024
        var maximumChunks = 4
    }

    static func load(_ input: UnsafeBufferPointer<UInt8>, path: String, options: Options = Options(),
                     processors: Int = ProcessInfo.processInfo.activeProcessorCount) -> Result<YAMLNode, YAMLError>? {
        let chunks = min(processors, options.maximumChunks)
        guard input.count >= options.minimumSize, chunks > 1,
              let boundaries = ChunkPlan.boundaries(in: input, chunks: chunks) else { return nil }
        return load(input, path: path, boundaries: boundaries)
    }

    /// Loads with a chunk starting at each of `boundaries` (numbered, in order).
    static func load(_ input: UnsafeBufferPointer<UInt8>, path: String,
                     boundaries: [ChunkBoundary]) -> Result<YAMLNode, YAMLError>? {
        let parser = ChunkParser(input: input, boundaries: boundaries, path: path)
        let chunks = boundaries.count + 1
        let outcomes = ParallelMap.map(0..<chunks, width: chunks) { parser.parse(chunk: $0) }
        var merge: ChunkMerge
        switch outcomes[0] {
        case .failed(let error):
            return error.map { .failure($0) }
        case .finished(_, let root):
            return root.map { .success($0) }
        case .stopped(let tree):
            merge = ChunkMerge(first: tree)
        }
        for outcome in outcomes.dropFirst() {
            switch outcome {
            case .failed:
                return nil
            case .stopped(let tree):
                guard merge.append(tree) else { return nil }
            case .finished(let tree, _):
                guard merge.append(tree) else { return nil }
                return merge.finish().map { .success($0) }
            }
        }
        return nil
    }
}
