import StripeSpec

/// What a component schema becomes in Swift, read from the schema alone.
enum ComponentShape: Sendable, Hashable {
    case structure, enumeration, union

    /// The Swift type a component gets, if it gets one.
    static func of(_ schema: Schema) -> ComponentShape? {
        switch schema.kind {
        case .object(let object) where !object.properties.isEmpty: return .structure
        case .string where (schema.enumValues ?? []).filter({ !$0.isEmpty }).count >= 2: return .enumeration
        case .anyOf(let members), .oneOf(let members):
            return members.count >= 2 && members.allSatisfy({ $0.referenceName != nil }) ? .union : nil
        default: return nil
        }
    }

    /// Whether the component is an object with a required, non-null `id` string (or a union of such).
    static func isIdentifiable(_ name: String, in document: OpenAPIDocument) -> Bool {
        guard let schema = document.schemas[name], let resolved = document.resolve(schema) else { return false }
        switch resolved.kind {
        case .object(let object):
            guard object.required.contains("id"), let id = object.property("id"),
                  let idSchema = document.resolve(id.schema), case .string = idSchema.kind else { return false }
            return !idSchema.nullable
        case .anyOf(let members), .oneOf(let members):
            return members.allSatisfy { $0.referenceName.map { isIdentifiable($0, in: document) } ?? false }
        default:
            return false
        }
    }
}
