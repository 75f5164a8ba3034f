import StripeSpec

/// The spec and its decided names, as translation reads them: which components get a type, what it is called,
/// and the facts about a component that shape the types referring to it.
struct ComponentTable: Sendable {
    let document: OpenAPIDocument
    let names: NameTable

    /// Swift type name by component name, for components that get a type.
    var typeNames: [String: String] { names.typeNames }

    /// What each component that gets a type becomes.
    var shapes: [String: ComponentShape] { names.shapes }

    /// Whether the component is an object with a required, non-null `id` string.
    func isIdentifiable(_ name: String) -> Bool { ComponentShape.isIdentifiable(name, in: document) }

    /// The component behind a top-level Swift type name.
    func componentName(forSwiftName swiftName: String) -> String? { names.componentNames[swiftName] }

    /// The `object` constant and `deleted` flag that identify a component in a payload.
    func tag(of name: String) -> (object: String?, deleted: Bool) {
        guard let schema = document.schemas[name], let object = document.resolve(schema)?.object else { return (nil, false) }
        var objectTag: String?
        if let property = object.property("object"), let values = document.resolve(property.schema)?.enumValues,
           values.count == 1 {
            objectTag = values[0]
        }
        var deleted = false
        if let property = object.property("deleted"), object.required.contains("deleted"),
           document.resolve(property.schema)?.enumValues == ["true"] {
            deleted = true
        }
        return (objectTag, deleted)
    }
}
