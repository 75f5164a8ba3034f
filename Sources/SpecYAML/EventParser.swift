import CYAML

/// Owns a libyaml parser over a borrowed buffer and hands out one event at a time.
final class EventParser {
    /// A syntax error libyaml reported.
    struct Failure: Error {
        var mark: Mark
        var message: String
    }

    /// Held through a pointer rather than a stored property: a class's `var` passed `inout` to C costs a dynamic
    /// exclusivity check on every event.
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    /// What the read handler serves, when the input is a prefix and a borrowed buffer rather than one buffer.
    private let source: UnsafeMutablePointer<PrefixedSource>?

    init(input: UnsafeBufferPointer<UInt8>) {
        parser = .allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        yaml_parser_initialize(parser)
        source = nil
        if let base = input.baseAddress {
            yaml_parser_set_input_string(parser, base, input.count)
        } else {
            yaml_parser_set_input_string(parser, "", 0)
        }
    }

    /// A parser reading `prefix` and then `input`, without copying `input`.
    init(prefix: [UInt8], input: UnsafeBufferPointer<UInt8>) {
        parser = .allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        yaml_parser_initialize(parser)
        let source = UnsafeMutablePointer<PrefixedSource>.allocate(capacity: 1)
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: prefix.count)
        _ = copy.initialize(from: prefix)
        source.initialize(to: PrefixedSource(prefix: UnsafeBufferPointer(copy), input: input, offset: 0))
        self.source = source
        yaml_parser_set_input(parser, { data, buffer, size, sizeRead in
            guard let data, let buffer, let sizeRead else { return 0 }
            sizeRead.pointee = data.assumingMemoryBound(to: PrefixedSource.self).pointee.read(into: buffer, size: size)
            return 1
        }, source)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
        if let source {
            UnsafeMutableBufferPointer(mutating: source.pointee.prefix).deallocate()
            source.deinitialize(count: 1)
            source.deallocate()
        }
    }

    /// Parses the next event and passes it to `body`; returns true after the stream ends.
    func next(_ body: (borrowing yaml_event_t) throws -> Void) throws -> Bool {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else {
            throw failure()
        }
        defer { yaml_event_delete(&event) }
        try body(event)
        return event.type == YAML_STREAM_END_EVENT
    }

    private func failure() -> Failure {
        let problem = parser.pointee.problem.map { String(cString: $0) } ?? "malformed YAML"
        let context = parser.pointee.context.map { String(cString: $0) }
        let mark = Mark(line: Int(parser.pointee.problem_mark.line) + 1, column: Int(parser.pointee.problem_mark.column) + 1)
        let message = context.map { "\(problem) \($0)" } ?? problem
        return Failure(mark: mark, message: message)
    }
}

/// The bytes a prefixed parser reads: its own prefix, then the borrowed input, handed out as libyaml asks.
struct PrefixedSource {
    var prefix: UnsafeBufferPointer<UInt8>
    var input: UnsafeBufferPointer<UInt8>
    /// How many bytes of prefix and input have been handed out.
    var offset: Int

    /// Copies up to `size` next bytes to `buffer`; returns how many, 0 at the end.
    mutating func read(into buffer: UnsafeMutablePointer<UInt8>, size: Int) -> Int {
        var written = 0
        while written < size {
            let part = offset < prefix.count ? prefix : input
            let start = offset < prefix.count ? offset : offset - prefix.count
            guard let base = part.baseAddress, start < part.count else { break }
            let count = min(size - written, part.count - start)
            (buffer + written).update(from: base + start, count: count)
            written += count
            offset += count
        }
        return written
    }
}
