#if Emulator
import StripeRuntime
import StripeSpec

/// Writes the parameters of a create or update request onto an object: each named field that the request carries
/// becomes the JSON the object's schema gives it (a number, a boolean, a nested object, a list), `""` unsets a
/// nullable field, and `metadata` merges key by key (`metadata[k]=` removes `k`, `metadata=` clears it all).
struct FormPatch {
    let document: OpenAPIDocument

    /// Applies the request's values of `fields` to `object`, an object of the component schema `schema`.
    func apply(_ params: FormTree, fields: [String], to object: inout JSONObject, schema: String) {
        guard let objectSchema = document.schema(named: schema).flatMap(document.resolve)?.object else { return }
        for field in fields {
            guard let value = params[field], let property = objectSchema.property(field) else { continue }
            if field == "metadata" {
                object[field] = Self.mergedMetadata(object[field]?.objectValue ?? [:], value)
            } else {
                object[field] = json(value, schema: property.schema)
            }
        }
    }

    /// The metadata after an update: keys set, keys with an empty value removed, everything removed by `metadata=`.
    static func mergedMetadata(_ current: JSONObject, _ update: FormTree) -> JSONValue {
        if update.string == "" { return .object([:]) }
        var merged = current
        for child in update.children ?? [] {
            if let value = child.tree.string, !value.isEmpty { merged[child.key] = .string(value) } else { merged[child.key] = nil }
        }
        return .object(merged)
    }

    /// One form value as the JSON `schema` describes.
    private func json(_ tree: FormTree, schema: Schema) -> JSONValue {
        guard let resolved = document.resolve(schema) else { return .text(tree.string) }
        if tree.string == "", resolved.nullable || acceptsEmpty(resolved) { return .null }
        switch resolved.kind {
        case .integer:
            return tree.string.flatMap { Int64($0) }.map(JSONValue.integer) ?? .null
        case .number:
            return tree.string.flatMap { Double($0) }.map(JSONValue.number) ?? .null
        case .boolean:
            return tree.bool.map(JSONValue.bool) ?? .null
        case .array(let items):
            return .array((tree.elements ?? []).map { json($0, schema: items) })
        case .object(let object):
            var members: JSONObject = [:]
            for property in object.properties {
                members[property.name] = tree[property.name].map { json($0, schema: property.schema) } ?? .null
            }
            if case .schema(let values) = object.additionalProperties {
                for child in tree.children ?? [] { members[child.key] = json(child.tree, schema: values) }
            }
            return .object(members)
        case .anyOf(let members), .oneOf(let members):
            let shaped = members.compactMap { document.resolve($0) }.first { $0.enumValues != [""] }
            return shaped.map { json(tree, schema: $0) } ?? .text(tree.string)
        case .reference, .string, .allOf, .any:
            return .text(tree.string)
        }
    }

    /// Whether a union takes `""` (Stripe's way to unset a field in a request).
    private func acceptsEmpty(_ schema: Schema) -> Bool {
        guard case .anyOf(let members) = schema.kind else { return false }
        return members.contains { document.resolve($0)?.enumValues == [""] }
    }
}
#endif
