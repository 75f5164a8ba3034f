/// A position in a YAML source, 1-based like compiler diagnostics, so errors point where an editor does.
public struct Mark: Sendable, Hashable, Comparable, CustomStringConvertible {
    // Stored as 32-bit values: every node of a tree carries a mark, so its size is the tree's size.
    private var storedLine: Int32
    private var storedColumn: Int32

    /// The 1-based line.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    /// The 1-based column, counted in characters from the start of the line.
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    /// Creates a mark at a 1-based `line` and `column`; values beyond 32 bits are clamped.
    public init(line: Int, column: Int) {
        self.storedLine = Int32(clamping: line)
        self.storedColumn = Int32(clamping: column)
    }

    /// Orders marks by line, then column, so diagnostics sort in source order.
    public static func < (lhs: Mark, rhs: Mark) -> Bool {
        (lhs.storedLine, lhs.storedColumn) < (rhs.storedLine, rhs.storedColumn)
    }

    /// `line:column`, the form diagnostics print.
    public var description: String { "\(line):\(column)" }
}
