/// A YAML document that could not be read: what went wrong and where, printed the way compilers print errors.
public struct YAMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file the source came from, as given to the loader.
    public var path: String
    /// Where the problem is.
    public var mark: Mark
    /// What the problem is, in one line.
    public var message: String

    /// Creates an error for `message` at `mark` in the file at `path`.
    public init(path: String, mark: Mark, message: String) {
        self.path = path
        self.mark = mark
        self.message = message
    }

    /// `path:line:column: error: message`.
    public var description: String { "\(path):\(mark.line):\(mark.column): error: \(message)" }
}
