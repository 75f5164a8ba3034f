import CYAML

/// What parsing one chunk gave.
enum ChunkOutcome: Sendable {
    /// The chunk reached the next boundary and verified it: the parse there is in the state a fresh parser is in after
    /// the boundary's synthetic prefix, so the next chunk's parse is the document's.
    case stopped(ChunkTree)
    /// The chunk parsed to the end of the input; the first chunk gives the whole document.
    case finished(ChunkTree, root: YAMLNode?)
    /// A syntax or tree error, or input a chunk cannot stand for (a second document); nil when it is no error the
    /// whole document is known to have.
    case failed(YAMLError?)
}

/// Parses one chunk of a document: the first from the start, each later one with a fresh libyaml parser over the
/// boundary's synthetic parent keys followed by the input from the boundary line on, up to the next boundary.
///
/// At the next boundary the parser must give a plain scalar key exactly at the boundary's column, with only block
/// mappings open, at columns 0, 2, 4, ..., each holding the next as a value. Then libyaml's state there is the one a
/// fresh parser reaches after the synthetic prefix: the same indentation stack, flow level 0, no pending simple key,
/// no scalar open. Where that check fails, the chunk parses on to the end instead, as the sequential parse would.
/// A later chunk refuses a second document; directives only name tag handles, and trees keep no tags.
struct ChunkParser {
    let input: UnsafeBufferPointer<UInt8>
    let boundaries: [ChunkBoundary]
    let path: String

    func parse(chunk index: Int) -> ChunkOutcome {
        let start = index > 0 ? boundaries[index - 1] : nil
        let stop = index < boundaries.count ? boundaries[index] : nil
        let parser: EventParser
        var builder: TreeBuilder
        let syntheticLines = (start?.depth ?? 1) - 1
        if let start {
            parser = EventParser(prefix: start.syntheticPrefix,
                                 input: UnsafeBufferPointer(rebasing: input[start.offset...]))
            builder = TreeBuilder(path: path, lineOffset: start.line - syntheticLines)
            builder.inherit(depth: start.depth)
            guard (try? skipPrefix(parser, depth: start.depth)) == true else { return .failed(nil) }
        } else {
            parser = EventParser(input: input)
            builder = TreeBuilder(path: path)
        }
        // The next boundary's key in this parser's lines and columns, from 0.
        var stopLine = stop.map { $0.line - (start?.line ?? 0) + syntheticLines } ?? Int.max
        let stopColumn = stop?.indent ?? 0
        var reachedStop = false
        do {
            while true {
                let done = try parser.next { event in
                    let line = Int(event.start_mark.line), column = Int(event.start_mark.column)
                    if line > stopLine || (line == stopLine && column >= stopColumn), let stop {
                        let atStop = line == stopLine && column == stopColumn
                        switch event.type {
                        case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                            break
                        case YAML_MAPPING_START_EVENT where atStop:
                            break
                        default:
                            if atStop, Self.isBoundaryKey(event), builder.isAtBoundary(depth: stop.depth) {
                                reachedStop = true
                                return
                            }
                            stopLine = Int.max
                        }
                    }
                    if start != nil, event.type == YAML_DOCUMENT_START_EVENT {
                        throw YAMLError(path: path, mark: Mark(line: 1, column: 1), message: "a second document")
                    }
                    try builder.consume(event)
                }
                if reachedStop { return .stopped(builder.chunkTree()) }
                if done { break }
            }
            if start == nil { return .finished(builder.chunkTree(), root: try builder.finish()) }
            return .finished(builder.chunkTree(), root: nil)
        } catch let error as YAMLError {
            return .failed(start == nil ? error : nil)
        } catch let error as EventParser.Failure {
            return .failed(start == nil ? YAMLError(path: path, mark: error.mark, message: error.message) : nil)
        } catch {
            return .failed(nil)
        }
    }

    /// Reads the events of the synthetic prefix: stream and document start, then a mapping start for each level with
    /// the parent key between. True when they are exactly those.
    private func skipPrefix(_ parser: EventParser, depth: Int) throws -> Bool {
        var expected = [YAML_STREAM_START_EVENT, YAML_DOCUMENT_START_EVENT]
        for level in 0..<depth {
            expected.append(YAML_MAPPING_START_EVENT)
            if level < depth - 1 { expected.append(YAML_SCALAR_EVENT) }
        }
        for type in expected {
            var matches = false
            _ = try parser.next { event in matches = event.type == type }
            if !matches { return false }
        }
        return true
    }

    /// A plain, non-empty scalar without anchor or tag: a key as written at a boundary.
    private static func isBoundaryKey(_ event: borrowing yaml_event_t) -> Bool {
        let scalar = event.data.scalar
        return event.type == YAML_SCALAR_EVENT && scalar.style == YAML_PLAIN_SCALAR_STYLE && scalar.anchor == nil
            && scalar.tag == nil && scalar.value != nil && scalar.length > 0
    }
}
