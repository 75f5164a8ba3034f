/// How generated methods spell a stored property: wire names such as `self`, `init`, `path` or `container` become
/// properties whose plain spelling would mean something else inside the methods that read them.
enum PropertyAccess {
    /// Names that keep their backticks even after a `.` (`self.\`init\``): there they would mean the keyword.
    private static let reservedAfterDot: Set<String> = ["self", "init", "Type", "Protocol"]

    /// The property's name after `self.`.
    static func member(_ swiftName: String) -> String {
        let bare = SwiftNames.bare(swiftName)
        return reservedAfterDot.contains(bare) ? "`\(bare)`" : bare
    }

    /// The property read inside a method whose parameters and locals are `locals`: `self.`-qualified when the plain
    /// name would be one of them, or `self` itself.
    static func read(_ swiftName: String, locals: Set<String>) -> String {
        let bare = SwiftNames.bare(swiftName)
        return bare == "self" || locals.contains(bare) ? "self." + member(swiftName) : swiftName
    }

    /// The internal name of the memberwise initializer's parameter for the property: a parameter named `self` would
    /// hide `self` in the initializer's body, so it gets a name no property has (property names never end in `_`).
    static func initParameter(_ swiftName: String) -> String {
        SwiftNames.bare(swiftName) == "self" ? "self_" : swiftName
    }
}
