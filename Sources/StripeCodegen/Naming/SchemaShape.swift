import StripeSpec

/// A schema compared by what it says, not by where it sits in the spec: two shapes are equal when they describe the
/// same values in the same words, which is what makes two titled params objects one type.
struct SchemaShape: Hashable, Sendable {
    let schema: Schema

    static func == (lhs: SchemaShape, rhs: SchemaShape) -> Bool {
        same(lhs.schema, rhs.schema)
    }

    /// Hashes the outline only (title and property names), which equal shapes share; `==` compares the rest.
    func hash(into hasher: inout Hasher) {
        hasher.combine(schema.title)
        for property in schema.object?.properties ?? [] { hasher.combine(property.name) }
    }

    private static func same(_ left: Schema, _ right: Schema) -> Bool {
        if left === right { return true }
        guard left.format == right.format, left.enumValues == right.enumValues, left.nullable == right.nullable,
              left.maxLength == right.maxLength, left.title == right.title, left.description == right.description,
              left.extensions.bypassValidation == right.extensions.bypassValidation
        else { return false }
        switch (left.kind, right.kind) {
        case (.reference(let left), .reference(let right)): return left == right
        case (.string, .string), (.integer, .integer), (.number, .number), (.boolean, .boolean), (.any, .any):
            return true
        case (.array(let left), .array(let right)): return same(left, right)
        case (.object(let left), .object(let right)): return same(left, right)
        case (.anyOf(let left), .anyOf(let right)), (.oneOf(let left), .oneOf(let right)),
             (.allOf(let left), .allOf(let right)):
            return left.count == right.count && zip(left, right).allSatisfy { same($0, $1) }
        default: return false
        }
    }

    /// The same properties in the same order, required alike, with the same rule for other keys.
    private static func same(_ left: ObjectSchema, _ right: ObjectSchema) -> Bool {
        guard left.properties.count == right.properties.count else { return false }
        for (leftProperty, rightProperty) in zip(left.properties, right.properties) {
            guard leftProperty.name == rightProperty.name,
                  left.required.contains(leftProperty.name) == right.required.contains(rightProperty.name),
                  same(leftProperty.schema, rightProperty.schema)
            else { return false }
        }
        switch (left.additionalProperties, right.additionalProperties) {
        case (.unspecified, .unspecified), (.forbidden, .forbidden), (.any, .any): return true
        case (.schema(let left), .schema(let right)): return same(left, right)
        default: return false
        }
    }
}
