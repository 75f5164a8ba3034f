/// A problem found in a spec, with where it is; printed in the format compilers and IDEs read.
public struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// How bad a problem is: errors stop generation, warnings only inform.
    public enum Severity: String, Sendable, Hashable, Comparable {
        /// A problem worth knowing about that does not stop generation, or one that does.
        case warning, error

        /// Warnings order before errors.
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
    }

    /// Whether the problem stops generation.
    public var severity: Severity
    /// What the problem is, in one line.
    public var message: String
    /// Where in the spec the problem is.
    public var location: SourceLocation

    /// Creates a diagnostic of `severity` saying `message` about the spec at `location`.
    public init(_ severity: Severity, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    /// Orders diagnostics by place, then message, so output is stable.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.location, lhs.message) < (rhs.location, rhs.message)
    }

    /// `path:line:column: error|warning: message`.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// Diagnostics gathered while reading a spec, in the order they were found.
public struct Diagnostics: Sendable, Hashable {
    /// Every diagnostic so far, in the order found.
    public private(set) var all: [Diagnostic] = []

    /// Creates an empty collection.
    public init() {}

    /// Records an error: `message` about the spec at `location`.
    public mutating func error(_ message: String, at location: SourceLocation) {
        all.append(Diagnostic(.error, message, at: location))
    }

    /// Records a warning: `message` about the spec at `location`.
    public mutating func warning(_ message: String, at location: SourceLocation) {
        all.append(Diagnostic(.warning, message, at: location))
    }

    /// Adds every diagnostic of `other`, after the ones already here.
    public mutating func append(contentsOf other: Diagnostics) {
        all.append(contentsOf: other.all)
    }

    /// The errors, in the order found.
    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    /// The warnings, in the order found.
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }
    /// Whether any error was found.
    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// The diagnostics sorted by place, for stable output.
    public var sorted: [Diagnostic] { all.sorted() }
}

/// A spec that could not be read: the diagnostics say why and where.
public struct SpecError: Error, Sendable, CustomStringConvertible {
    /// The problems found, each with its place.
    public var diagnostics: [Diagnostic]

    /// Creates an error carrying `diagnostics`.
    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// One diagnostic per line, in the format compilers print.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
