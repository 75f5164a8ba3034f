#if Emulator
import StripeRuntime
import StripeSpec

/// Applies `expand[]` paths to an object about to be returned, as Stripe does: each dotted segment names a field;
/// the last one must be expandable (an id that becomes the object it names), and the ones before it lead through
/// nested objects, expanded ids and the `data` of lists (`line_items.data.price.product`). What to expand into
/// comes from the spec; the objects themselves from the emulator's state.
struct Expansion {
    /// The spec, for the schemas of the fields a path walks through.
    let document: OpenAPIDocument
    /// The object of schema `schema` (a component name such as `customer`) with id `id`, when the emulator holds
    /// objects of that kind; `nil` when it holds none of that kind or no object with that id.
    let lookup: (_ schema: String, _ id: String) -> JSONValue?
    /// The component names of the objects the emulator holds: an expandable field whose objects it does not hold is
    /// refused, as Stripe refuses a field that cannot be expanded.
    let heldSchemas: Set<String>
    /// Values for fields the object leaves out until asked for (a session's `line_items`), by the field's path from
    /// the top object.
    var includes: [String: JSONValue] = [:]

    /// `object` (of the component schema `schema`) with every path of `paths` expanded; a path that cannot be
    /// expanded is Stripe's 400 naming it.
    func apply(_ paths: [String], to object: JSONValue, schema: String) throws(APIError) -> JSONValue {
        guard let root = document.schema(named: schema) else { return object }
        var result = object
        for path in paths {
            let segments = path.split(separator: ".").map(String.init)
            guard !segments.isEmpty else { throw Self.refused(path) }
            result = try expand(result, schema: root, segments: segments[...], walked: [], path: path)
        }
        return result
    }

    private func expand(_ value: JSONValue, schema: Schema, segments: ArraySlice<String>, walked: [String],
                        path: String) throws(APIError) -> JSONValue {
        guard let field = segments.first, case .object(var members) = value,
              let object = resolved(schema)?.object, let property = object.property(field) else {
            throw Self.refused(path)
        }
        let rest = segments.dropFirst()
        let here = (walked + [field]).joined(separator: ".")
        let expandable = resolved(schema)?.extensions.expandableFields?.contains(field) ?? false
        // The last segment must name a field that expands; the ones before it may be any object-valued field.
        guard expandable || !rest.isEmpty else { throw Self.refused(path) }
        let targets = referencedSchemas(property.schema)
        // An id field whose objects the emulator does not hold is refused, whatever its value: never a bare id.
        if expandable, !targets.isEmpty, !targets.contains(where: heldSchemas.contains), includes[here] == nil {
            throw Self.refused(path)
        }
        var member = members[field] ?? .null
        if expandable, let included = includes[here] {
            member = included
        } else if expandable, case .string(let id) = member, let found = targets.lazy.compactMap({ lookup($0, id) }).first {
            member = found
        }
        if !rest.isEmpty {
            if member == .null {
                // Nothing to walk through, but the rest of the path must still name fields that expand.
                try check(rest, from: property.schema, path: path)
            } else {
                member = try descend(member, into: property.schema, segments: rest, walked: walked + [field], path: path)
            }
        }
        members[field] = member
        return .object(members)
    }

    /// Walks on from a field's value: into the object it holds, or into every element of a list's `data`.
    private func descend(_ member: JSONValue, into schema: Schema, segments: ArraySlice<String>, walked: [String],
                         path: String) throws(APIError) -> JSONValue {
        guard case .object(let fields) = member else { throw Self.refused(path) }
        let target = objectSchema(of: schema, holding: fields["object"]?.stringValue)
        guard let target else { throw Self.refused(path) }
        if segments.first == "data", case .array(let elements)? = fields["data"],
           let items = resolved(target)?.object?.property("data").flatMap({ resolved($0.schema) }),
           case .array(let itemSchema) = items.kind {
            var expanded: [JSONValue] = []
            for element in elements {
                if segments.count == 1 { throw Self.refused(path) }
                expanded.append(try expand(element, schema: itemSchema, segments: segments.dropFirst(),
                                           walked: walked + ["data"], path: path))
            }
            var copy = fields
            copy["data"] = .array(expanded)
            return .object(copy)
        }
        return try expand(member, schema: target, segments: segments, walked: walked, path: path)
    }

    /// Checks the rest of a path against the schemas alone, for a field that is `null` here.
    private func check(_ segments: ArraySlice<String>, from schema: Schema, path: String) throws(APIError) {
        var next = segments
        if next.first == "data", let list = objectSchema(of: schema, holding: nil),
           let items = resolved(list)?.object?.property("data").flatMap({ resolved($0.schema) }),
           case .array(let itemSchema) = items.kind {
            next = next.dropFirst()
            guard !next.isEmpty else { throw Self.refused(path) }
            return try check(next, within: itemSchema, path: path)
        }
        guard let target = objectSchema(of: schema, holding: nil) else { throw Self.refused(path) }
        try check(next, within: target, path: path)
    }

    /// Checks `segments` as fields of an object of `schema`.
    private func check(_ segments: ArraySlice<String>, within schema: Schema, path: String) throws(APIError) {
        guard let field = segments.first, let property = resolved(schema)?.object?.property(field) else {
            throw Self.refused(path)
        }
        let rest = segments.dropFirst()
        let expandable = resolved(schema)?.extensions.expandableFields?.contains(field) ?? false
        let targets = referencedSchemas(property.schema)
        guard expandable || !rest.isEmpty else { throw Self.refused(path) }
        if expandable, !targets.isEmpty, !targets.contains(where: heldSchemas.contains) { throw Self.refused(path) }
        if !rest.isEmpty { try check(rest, from: property.schema, path: path) }
    }

    /// The object schema a field's value follows: the referenced component (the one whose `object` tag matches, for
    /// a union), or the inline object.
    private func objectSchema(of schema: Schema, holding tag: String?) -> Schema? {
        let candidates = referencedSchemas(schema).compactMap { document.schema(named: $0) }
        if let tag, let match = candidates.first(where: { objectTag(of: $0) == tag }) { return match }
        if let first = candidates.first { return first }
        if let resolved = resolved(schema), resolved.object != nil { return resolved }
        if case .anyOf(let members)? = resolved(schema)?.kind {
            return members.lazy.compactMap { self.resolved($0) }.first { $0.object != nil }
        }
        return nil
    }

    /// The component names a field may hold: its `$ref`, or the `$ref`s of its `anyOf`/`oneOf` members and expansion
    /// resources.
    private func referencedSchemas(_ schema: Schema) -> [String] {
        var names: [String] = []
        if let name = schema.referenceName { names.append(name) }
        switch schema.kind {
        case .anyOf(let members), .oneOf(let members): names += members.compactMap(\.referenceName)
        default: break
        }
        names += (schema.extensions.expansionResources ?? []).compactMap(\.referenceName)
        return names
    }

    /// The `object` value a component's objects carry (`x-resourceId`, or the enum of its `object` property).
    private func objectTag(of schema: Schema) -> String? {
        if let id = schema.extensions.resourceID { return id }
        return schema.object?.property("object").flatMap { resolved($0.schema)?.enumValues?.first }
    }

    private func resolved(_ schema: Schema) -> Schema? {
        document.resolve(schema)
    }

    /// Stripe's answer to an `expand` it cannot follow.
    static func refused(_ path: String) -> APIError {
        APIError.invalidRequest("This property cannot be expanded (\(path)).", param: "expand")
    }
}
#endif
