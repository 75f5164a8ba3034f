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

    /// Loads with `options` for splitting large inputs into chunks parsed concurrently; nil options load sequentially.
    static func load(bytes: some Collection<UInt8>, path: String,
                     chunking options: ChunkedLoad.Options?) throws(YAMLError) -> YAMLNode {
        if let result = bytes.withContiguousStorageIfAvailable({ input in parse(input, path: path, chunking: options) }) {
            return try result.get()
        }
        return try Array(bytes).withUnsafeBufferPointer { input in parse(input, path: path, chunking: options) }.get()
    }

    private static func parse(_ input: UnsafeBufferPointer<UInt8>, path: String,
                              chunking options: ChunkedLoad.Options? = ChunkedLoad.Options()) -> Result<YAMLNode, YAMLError> {
        if let options, let result = ChunkedLoad.load(input, path: path, options: options) { return result }
        return parseSequentially(input, path: path)
    }

    private static func parseSequentially(_ input: UnsafeBufferPointer<UInt8>, path: String) -> Result<YAMLNode, YAMLError> {
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
