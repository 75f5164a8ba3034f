import CYAML
import Foundation

/// Reads YAML (and JSON, which YAML 1.1 reads too) into a ``YAMLNode`` tree with libyaml's event API.
/// Aliases are expanded, duplicate keys and unknown aliases are errors, and every node keeps its position.
public enum YAMLLoader {
    /// Loads the first document of `bytes`; `path` names the source in errors.
    public static func load(bytes: some Collection<UInt8>, path: String) throws(YAMLError) -> YAMLNode {
        let buffer = Array(bytes)
        let result: Result<YAMLNode, YAMLError> = buffer.withUnsafeBufferPointer { input in
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
        return try result.get()
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

    private var parser = yaml_parser_t()

    init(input: UnsafeBufferPointer<UInt8>) {
        yaml_parser_initialize(&parser)
        if let base = input.baseAddress {
            yaml_parser_set_input_string(&parser, base, input.count)
        } else {
            yaml_parser_set_input_string(&parser, "", 0)
        }
    }

    deinit {
        yaml_parser_delete(&parser)
    }

    /// Parses the next event and passes it to `body`; returns true after the stream ends.
    func next(_ body: (borrowing yaml_event_t) throws -> Void) throws -> Bool {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else {
            throw failure()
        }
        defer { yaml_event_delete(&event) }
        try body(event)
        return event.type == YAML_STREAM_END_EVENT
    }

    private func failure() -> Failure {
        let problem = parser.problem.map { String(cString: $0) } ?? "malformed YAML"
        let context = parser.context.map { String(cString: $0) }
        let mark = Mark(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
        let message = context.map { "\(problem) \($0)" } ?? problem
        return Failure(mark: mark, message: message)
    }
}
