/// One file of generated Swift: its path relative to the output folder, and its text.
public struct GeneratedFile: Sendable, Hashable {
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

/// How the generated code is written.
public struct GeneratorOptions: Sendable, Hashable {
    /// The access level of the generated declarations.
    public enum Access: String, Sendable, Hashable, CaseIterable {
        case `public`, `internal`
    }

    public var access: Access
    /// The spec's file name, named in every file's header.
    public var specFileName: String

    public init(access: Access = .public, specFileName: String) {
        self.access = access
        self.specFileName = specFileName
    }
}
