/// One file of generated Swift: its path relative to the output folder, and its text.
public struct GeneratedFile: Sendable, Hashable {
    /// Where the file goes, relative to the output folder.
    public var path: String
    /// The file's Swift source text.
    public var contents: String

    /// Creates a file of `contents` to be written at `path` under the output folder.
    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}
