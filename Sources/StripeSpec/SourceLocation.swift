import SpecYAML

/// A place in a spec file: the file and a 1-based line and column.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var path: String
    public var mark: Mark

    public init(path: String, mark: Mark) {
        self.path = path
        self.mark = mark
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.mark) < (rhs.path, rhs.mark)
    }

    /// `path:line:column`, the prefix compilers put before a diagnostic.
    public var description: String { "\(path):\(mark.line):\(mark.column)" }
}
