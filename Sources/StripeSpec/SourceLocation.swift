import SpecYAML

/// A place in a spec file: the file and a 1-based line and column.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The spec file, as given to the loader.
    public var path: String
    /// The line and column in that file.
    public var mark: Mark

    /// Creates a location at `mark` in the file at `path`.
    public init(path: String, mark: Mark) {
        self.path = path
        self.mark = mark
    }

    /// Orders locations by file, then position.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.mark) < (rhs.path, rhs.mark)
    }

    /// `path:line:column`, the prefix compilers put before a diagnostic.
    public var description: String { "\(path):\(mark.line):\(mark.column)" }
}
