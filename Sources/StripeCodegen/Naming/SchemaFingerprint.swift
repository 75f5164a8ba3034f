import StripeSpec

/// A text that two schemas share exactly when they describe the same values in the same words, wherever they sit
/// in the spec: what makes two titled params objects one type.
enum SchemaFingerprint {
    static func of(_ schema: Schema) -> String {
        var text = ""
        append(schema, to: &text)
        return text
    }

    private static func append(_ schema: Schema, to text: inout String) {
        text += "{"
        switch schema.kind {
        case .reference(let name): text += "ref:" + name
        case .string: text += "string"
        case .integer: text += "integer"
        case .number: text += "number"
        case .boolean: text += "boolean"
        case .any: text += "any"
        case .array(let items):
            text += "array:"
            append(items, to: &text)
        case .object(let object):
            text += "object:"
            for property in object.properties {
                text += quoted(property.name) + (object.required.contains(property.name) ? "!" : "") + "="
                append(property.schema, to: &text)
            }
            switch object.additionalProperties {
            case .unspecified: break
            case .forbidden: text += "|closed"
            case .any: text += "|open"
            case .schema(let values):
                text += "|map="
                append(values, to: &text)
            }
        case .anyOf(let members): appendMembers("anyOf:", members, to: &text)
        case .oneOf(let members): appendMembers("oneOf:", members, to: &text)
        case .allOf(let members): appendMembers("allOf:", members, to: &text)
        }
        if let format = schema.format { text += "|format=" + quoted(format) }
        if let values = schema.enumValues { text += "|enum=" + values.map(quoted).joined(separator: ",") }
        if schema.nullable { text += "|nullable" }
        if let maxLength = schema.maxLength { text += "|max=\(maxLength)" }
        if let title = schema.title { text += "|title=" + quoted(title) }
        if let description = schema.description { text += "|doc=" + quoted(description) }
        if schema.extensions.bypassValidation { text += "|bypass" }
        text += "}"
    }

    private static func appendMembers(_ label: String, _ members: [Schema], to text: inout String) {
        text += label
        for member in members { append(member, to: &text) }
    }

    /// A string that cannot be mistaken for the punctuation around it.
    private static func quoted(_ string: String) -> String {
        "\(string.utf8.count):" + string
    }
}
