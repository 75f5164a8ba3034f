#if Emulator
import Foundation
import StripeRuntime
import StripeSpec

/// Checks form parameters against the operation's schema from the spec: unknown names, required
/// fields, integer/number/boolean syntax, enums, `maxLength`, lists and maps, and `anyOf` unions
/// (including Stripe's `""`-to-unset member).
struct SchemaValidator: Sendable {
    let document: OpenAPIDocument

    /// Checks a form body against the request body schema of `operation`.
    func validateBody(_ tree: FormTree, of operation: StripeSpec.Operation) throws(ValidationFailure) {
        guard let schema = operation.requestBody?.schema else {
            if let first = tree.children?.first {
                throw ValidationFailure.unknown(ParamPath([first.key]))
            }
            return
        }
        try validate(tree, against: schema, at: ParamPath())
    }

    /// Checks a query string against the query parameters of `operation`.
    func validateQuery(_ tree: FormTree, of operation: StripeSpec.Operation) throws(ValidationFailure) {
        let parameters = operation.parameters.filter { $0.location == .query }
        for child in tree.children ?? [] {
            let path = ParamPath([child.key])
            guard let parameter = parameters.first(where: { $0.name == child.key }) else {
                throw ValidationFailure.unknown(path)
            }
            try validate(child.tree, against: parameter.schema, at: path)
        }
        for parameter in parameters where parameter.required && tree[parameter.name] == nil {
            throw ValidationFailure.missing(ParamPath([parameter.name]))
        }
    }

    /// Checks one path parameter's value (its length, mostly).
    func validatePathParameter(_ value: String, named name: String, of operation: StripeSpec.Operation) throws(ValidationFailure) {
        guard let parameter = operation.parameters.first(where: { $0.location == .path && $0.name == name }) else { return }
        try validate(.value(value), against: parameter.schema, at: ParamPath([name]))
    }

    func validate(_ tree: FormTree, against schema: Schema, at path: ParamPath) throws(ValidationFailure) {
        guard let schema = document.resolve(schema) else { return }
        switch schema.kind {
        case .reference, .any:
            return
        case .string:
            let text = try scalar(tree, at: path, expected: "string")
            if let values = schema.enumValues, !schema.extensions.bypassValidation, !values.contains(text) {
                let allowed = values.map { $0.isEmpty ? "\"\"" : "`\($0)`" }.joined(separator: ", ")
                throw ValidationFailure(path, "Invalid \(path): must be one of \(allowed)")
            }
            if let maxLength = schema.maxLength, text.count > maxLength {
                throw ValidationFailure(
                    path, "Invalid string: \(text.prefix(10))...; must be at most \(maxLength) characters"
                )
            }
            if schema.format == "decimal", DecimalText.parse(text) == nil {
                throw ValidationFailure(path, "Invalid decimal: \(text)")
            }
        case .integer:
            let text = try scalar(tree, at: path, expected: "integer")
            guard Int(text) != nil else { throw ValidationFailure(path, "Invalid integer: \(text)") }
        case .number:
            let text = try scalar(tree, at: path, expected: "number")
            guard Double(text) != nil else { throw ValidationFailure(path, "Invalid number: \(text)") }
        case .boolean:
            let text = try scalar(tree, at: path, expected: "boolean")
            guard ["true", "false"].contains(text.lowercased()) else {
                throw ValidationFailure(path, "Invalid boolean: \(text)")
            }
        case .array(let items):
            guard let elements = tree.elements else {
                throw ValidationFailure(path, "Invalid array")
            }
            for (index, element) in elements.enumerated() {
                try validate(element, against: items, at: path.appending(index: index))
            }
        case .object(let object):
            try validateObject(tree, object, at: path)
        case .anyOf(let members), .oneOf(let members):
            try validateUnion(tree, members, at: path)
        case .allOf(let members):
            for member in members { try validate(tree, against: member, at: path) }
        }
    }

    private func validateObject(_ tree: FormTree, _ object: ObjectSchema, at path: ParamPath) throws(ValidationFailure) {
        guard let children = tree.children else {
            if tree == .value("") { return }
            throw ValidationFailure(path, "Invalid object")
        }
        for child in children {
            let childPath = path.appending(child.key)
            if let property = object.property(child.key) {
                try validate(child.tree, against: property.schema, at: childPath)
                continue
            }
            switch object.additionalProperties {
            case .schema(let values): try validate(child.tree, against: values, at: childPath)
            case .any: continue
            case .unspecified, .forbidden: throw ValidationFailure.unknown(childPath)
            }
        }
        for name in object.required.sorted() where tree[name] == nil {
            throw ValidationFailure.missing(path.appending(name))
        }
    }

    /// A union passes when any member does; otherwise the first real member's failure is
    /// reported, not the one of Stripe's `""` placeholder.
    private func validateUnion(_ tree: FormTree, _ members: [Schema], at path: ParamPath) throws(ValidationFailure) {
        var failure: ValidationFailure?
        var placeholderFailure: ValidationFailure?
        for member in members {
            do {
                try validate(tree, against: member, at: path)
                return
            } catch {
                if document.resolve(member)?.enumValues == [""] {
                    placeholderFailure = placeholderFailure ?? error
                } else {
                    failure = failure ?? error
                }
            }
        }
        if let failure = failure ?? placeholderFailure { throw failure }
    }

    private func scalar(_ tree: FormTree, at path: ParamPath, expected: String) throws(ValidationFailure) -> String {
        guard let text = tree.string else {
            throw ValidationFailure(path, "Invalid \(expected): expected a single value, not a hash or array")
        }
        return text
    }
}
#endif
