/// A schema in Stripe's OpenAPI dialect. Schemas are shared and immutable, so references to them are cheap.
/// `$ref`s stay references here; ``OpenAPIDocument/resolve(_:)`` follows them.
public final class Schema: Sendable {
    /// The shape of the values a schema describes.
    public enum Kind: Sendable {
        /// `$ref: '#/components/schemas/NAME'`, by component name.
        case reference(String)
        /// `type: string`.
        case string
        /// `type: integer`.
        case integer
        /// `type: number`.
        case number
        /// `type: boolean`.
        case boolean
        /// `type: array`, with the schema of its items.
        case array(items: Schema)
        /// `type: object`, with its properties.
        case object(ObjectSchema)
        /// Any of the listed schemas (expandable fields, optional references, unions, `""`-to-unset).
        case anyOf([Schema])
        /// Exactly one of the listed schemas.
        case oneOf([Schema])
        /// All of the listed schemas at once.
        case allOf([Schema])
        /// No constraint: any JSON value.
        case any
    }

    /// The shape of the values.
    public let kind: Kind
    /// `format`, e.g. `unix-time`, `decimal`, `binary`.
    public let format: String?
    /// `enum` values as written (Stripe's are strings, and `true` for `deleted`).
    public let enumValues: [String]?
    /// `nullable`: whether `null` is allowed as well.
    public let nullable: Bool
    /// `maxLength`, for strings that have one.
    public let maxLength: Int?
    /// `title`, when the spec gives one.
    public let title: String?
    /// `description`, when the spec gives one.
    public let description: String?
    /// Stripe's extensions on this schema.
    public let extensions: StripeExtensions
    /// Where the schema starts in the spec.
    public let location: SourceLocation

    /// Creates a schema of `kind`; the other fields default to "not given".
    public init(
        kind: Kind, format: String? = nil, enumValues: [String]? = nil, nullable: Bool = false,
        maxLength: Int? = nil, title: String? = nil, description: String? = nil,
        extensions: StripeExtensions = StripeExtensions(), location: SourceLocation
    ) {
        self.kind = kind
        self.format = format
        self.enumValues = enumValues
        self.nullable = nullable
        self.maxLength = maxLength
        self.title = title
        self.description = description
        self.extensions = extensions
        self.location = location
    }

    /// The component name when this schema is a `$ref`.
    public var referenceName: String? {
        if case .reference(let name) = kind { return name }
        return nil
    }

    /// The object shape, when this schema is an object.
    public var object: ObjectSchema? {
        if case .object(let object) = kind { return object }
        return nil
    }

    /// The schemas directly inside this one: properties, items, members, map values, expansion resources.
    public var children: [Schema] {
        var result: [Schema]
        switch kind {
        case .array(let items): result = [items]
        case .object(let object):
            result = object.properties.map(\.schema)
            if case .schema(let values) = object.additionalProperties { result.append(values) }
        case .anyOf(let members), .oneOf(let members), .allOf(let members): result = members
        case .reference, .string, .integer, .number, .boolean, .any: result = []
        }
        if let resources = extensions.expansionResources { result.append(contentsOf: resources) }
        return result
    }
}

/// Stripe's `x-` extensions that change what the generated code looks like.
public struct StripeExtensions: Sendable {
    /// `x-expandableFields`: the properties a request may ask to expand from an id into an object.
    public var expandableFields: [String]?
    /// `x-resourceId`: the dotted object name, e.g. `checkout.session`.
    public var resourceID: String?
    /// `x-expansionResources.oneOf`: the objects an expandable id may expand into.
    public var expansionResources: [Schema]?
    /// `x-stripeBypassValidation`: the enum is open on the server side too.
    public var bypassValidation: Bool

    /// Creates a set of extensions; each defaults to "not given".
    public init(expandableFields: [String]? = nil, resourceID: String? = nil,
                expansionResources: [Schema]? = nil, bypassValidation: Bool = false) {
        self.expandableFields = expandableFields
        self.resourceID = resourceID
        self.expansionResources = expansionResources
        self.bypassValidation = bypassValidation
    }
}

/// An object schema: named properties in spec order, which of them are required, and extra keys.
public struct ObjectSchema: Sendable {
    /// What an object allows besides its named properties.
    public enum AdditionalProperties: Sendable {
        /// Not said: extra keys are tolerated.
        case unspecified
        /// `additionalProperties: false`.
        case forbidden
        /// `additionalProperties: true`: any values.
        case any
        /// A map whose values follow the schema (e.g. `metadata`).
        case schema(Schema)
    }

    /// The named properties, in spec order.
    public var properties: [Property]
    /// `required`: the names of the properties every value carries.
    public var required: Set<String>
    /// What the object allows besides its named properties.
    public var additionalProperties: AdditionalProperties

    /// Creates an object schema from its properties, required names and extra-key rule.
    public init(properties: [Property], required: Set<String>, additionalProperties: AdditionalProperties) {
        self.properties = properties
        self.required = required
        self.additionalProperties = additionalProperties
    }

    /// The property named `name`, if any.
    public func property(_ name: String) -> Property? {
        properties.first { $0.name == name }
    }
}

/// One named property of an object schema.
public struct Property: Sendable {
    /// The property's name as written in JSON.
    public var name: String
    /// The property's values.
    public var schema: Schema

    /// Creates a property `name` whose values follow `schema`.
    public init(name: String, schema: Schema) {
        self.name = name
        self.schema = schema
    }
}
