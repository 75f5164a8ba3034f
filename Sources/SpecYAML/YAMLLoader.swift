import CYAML
import Foundation

/// Reads YAML (and JSON, which YAML 1.1 reads too) into a ``YAMLNode`` tree with libyaml's event API.
/// Aliases are expanded, duplicate keys and unknown aliases are errors, and every node keeps its position.
public enum YAMLLoader {
    /// Loads the first document of `bytes`; `path` names the source in errors.
    public static func load(bytes: some Collection<UInt8>, path: String) throws(YAMLError) -> YAMLNode {
        // Parse contiguous input (an array, `Data`) in place; copy only what is not contiguous.
        if let result = bytes.withContiguousStorageIfAvailable({ input in parse(input, path: path) }) {
            return try result.get()
        }
        return try Array(bytes).withUnsafeBufferPointer { input in parse(input, path: path) }.get()
    }

    private static func parse(_ input: UnsafeBufferPointer<UInt8>, path: String) -> Result<YAMLNode, YAMLError> {
        let parser = EventParser(input: input)
        var builder = TreeBuilder(path: path)
        do {
            while true {
                let done = try parser.next { event in try builder.consume(event) }
                if done { break }
            }
            return .success(try builder.finish())
        } catch let error as YAMLError {
            return .failure(error)
        } catch let error as EventParser.Failure {
            return .failure(YAMLError(path: path, mark: error.mark, message: error.message))
        } catch {
            return .failure(YAMLError(path: path, mark: Mark(line: 1, column: 1), message: "\(error)"))
        }
    }

    /// Loads the file at `path`.
    public static func load(contentsOf path: String) throws(YAMLError) -> YAMLNode {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw YAMLError(path: path, mark: Mark(line: 1, column: 1), message: "cannot read file")
        }
        return try load(bytes: data, path: path)
    }

    /// Loads YAML text; `path` names the source in errors.
    public static func load(string: String, path: String = "<string>") throws(YAMLError) -> YAMLNode {
        try load(bytes: Array(string.utf8), path: path)
    }
}

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

    init(input: UnsafeBufferPointer<UInt8>) {
        parser = .allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        yaml_parser_initialize(parser)
        if let base = input.baseAddress {
            yaml_parser_set_input_string(parser, base, input.count)
        } else {
            yaml_parser_set_input_string(parser, "", 0)
        }
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
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
