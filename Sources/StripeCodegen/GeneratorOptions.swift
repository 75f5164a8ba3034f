import StripeSpec

/// How the generated code is written.
public struct GeneratorOptions: Sendable, Hashable {
    /// The access level of the generated declarations.
    public enum Access: String, Sendable, Hashable, CaseIterable {
        /// Generated declarations are `public`, for a bindings module others import, or `internal`, for use
        /// inside the one module that holds them.
        case `public`, `internal`
    }

    /// How the output is split into files.
    public enum Layout: String, Sendable, Hashable, CaseIterable {
        /// One file per model and resource, in `Models/`, `Resources/`, `Client/` and `Events/`.
        case files
        /// Everything in one file, ``GeneratorOptions/singleFileName``: a name known before generating,
        /// which build-tool plugins must declare up front.
        case singleFile = "single-file"
    }

    /// The file the single-file layout writes.
    public static let singleFileName = "StripeBindings.swift"

    /// The access level of the generated declarations.
    public var access: Access
    /// The spec's file name, named in every file's header.
    public var specFileName: String
    /// How the output is split into files.
    public var layout: Layout
    /// Which operations and schemas to generate; everything by default.
    public var selection: ReachabilityFilter
    /// Swift type names chosen by hand, by component schema name (`checkout.session: Session`).
    public var typeNames: [String: String]

    /// Creates options for the spec named `specFileName`; the rest default to public declarations, one file per
    /// model or resource, every operation and no hand-chosen names.
    public init(access: Access = .public, specFileName: String, layout: Layout = .files,
                selection: ReachabilityFilter = ReachabilityFilter(), typeNames: [String: String] = [:]) {
        self.access = access
        self.specFileName = specFileName
        self.layout = layout
        self.selection = selection
        self.typeNames = typeNames
    }
}
