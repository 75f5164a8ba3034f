/// An HTTP method an operation uses: every method the generator can express (OpenAPI's `options` and `trace`
/// are refused when the spec is read, as the runtime does not send them).
public enum HTTPMethod: String, Sendable, Hashable, CaseIterable {
    /// A method as the spec writes it: its raw value is the lower-case name.
    case get, post, delete, put, patch, head

    /// The methods OpenAPI allows in a path item that the generator cannot express, as the spec writes them.
    public static let unsupported: Set<String> = ["options", "trace"]
}

/// One API operation: a method on a path, with its parameters, form body and responses.
public struct Operation: Sendable {
    /// The HTTP method.
    public var method: HTTPMethod
    /// The templated path the operation is on.
    public var path: String
    /// `operationId`, the operation's unique name in the spec.
    public var operationID: String
    /// The spec's description of the operation, when it has one.
    public var description: String?
    /// Whether the spec marks the operation deprecated.
    public var deprecated: Bool
    /// Path, query and header parameters, in spec order.
    public var parameters: [Parameter]
    /// The form body, when the operation takes one.
    public var requestBody: RequestBody?
    /// Responses by status (`"200"`, `"default"`), in spec order.
    public var responses: [Response]
    /// Where the operation starts in the spec.
    public var location: SourceLocation

    /// Creates an operation from its parts, as ``SpecLoader`` reads them.
    public init(method: HTTPMethod, path: String, operationID: String, description: String?, deprecated: Bool,
                parameters: [Parameter], requestBody: RequestBody?, responses: [Response], location: SourceLocation) {
        self.method = method
        self.path = path
        self.operationID = operationID
        self.description = description
        self.deprecated = deprecated
        self.parameters = parameters
        self.requestBody = requestBody
        self.responses = responses
        self.location = location
    }

    /// The JSON schema of the first 2xx response; none for HEAD, whose answer has no body.
    public var successSchema: Schema? {
        guard method != .head else { return nil }
        return responses.first { $0.statusCode.hasPrefix("2") }?.schema
    }
}

/// A parameter outside the body.
public struct Parameter: Sendable {
    /// Where a parameter travels.
    public enum Location: String, Sendable, Hashable {
        /// In the path, the query string, a header or a cookie.
        case path, query, header, cookie
    }

    /// The parameter's name as sent.
    public var name: String
    /// Where the parameter travels.
    public var location: Location
    /// Whether a request must carry the parameter.
    public var required: Bool
    /// `form`, `simple` or `deepObject`.
    public var style: String?
    /// `explode`: whether arrays and objects are sent as one value per element, when given.
    public var explode: Bool?
    /// The spec's description of the parameter, when it has one.
    public var description: String?
    /// The values the parameter accepts.
    public var schema: Schema
    /// Where the parameter is declared in the spec.
    public var sourceLocation: SourceLocation

    /// Creates a parameter from its parts, as ``SpecLoader`` reads them.
    public init(name: String, location: Location, required: Bool, style: String?, explode: Bool?,
                description: String?, schema: Schema, sourceLocation: SourceLocation) {
        self.name = name
        self.location = location
        self.required = required
        self.style = style
        self.explode = explode
        self.description = description
        self.schema = schema
        self.sourceLocation = sourceLocation
    }
}

/// A request body: its media type, schema and per-field encodings.
public struct RequestBody: Sendable {
    /// How one form field is serialized.
    public struct Encoding: Sendable, Hashable {
        /// The field's serialization style, e.g. `deepObject`, when given.
        public var style: String?
        /// Whether arrays and objects are sent as one field per element, when given.
        public var explode: Bool?

        /// Creates an encoding of `style` and `explode`.
        public init(style: String?, explode: Bool?) {
            self.style = style
            self.explode = explode
        }
    }

    /// The media type, e.g. `application/x-www-form-urlencoded`.
    public var contentType: String
    /// The schema of the body's fields.
    public var schema: Schema
    /// Whether a request must carry the body.
    public var required: Bool
    /// Field encodings by field name.
    public var encoding: [String: Encoding]

    /// Creates a request body from its parts, as ``SpecLoader`` reads them.
    public init(contentType: String, schema: Schema, required: Bool, encoding: [String: Encoding]) {
        self.contentType = contentType
        self.schema = schema
        self.required = required
        self.encoding = encoding
    }
}

/// One response of an operation.
public struct Response: Sendable {
    /// `"200"`, `"default"`, ...
    public var statusCode: String
    /// The spec's description of the response, when it has one.
    public var description: String?
    /// The `application/json` schema, when the response has one.
    public var schema: Schema?
    /// Other media types the response declares (e.g. `application/pdf`).
    public var otherContentTypes: [String]

    /// Creates a response from its parts, as ``SpecLoader`` reads them.
    public init(statusCode: String, description: String?, schema: Schema?, otherContentTypes: [String]) {
        self.statusCode = statusCode
        self.description = description
        self.schema = schema
        self.otherContentTypes = otherContentTypes
    }
}
