/// An HTTP method an operation uses.
public enum HTTPMethod: String, Sendable, Hashable, CaseIterable {
    case get, post, delete, put, patch
}

/// One API operation: a method on a path, with its parameters, form body and responses.
public struct Operation: Sendable {
    public var method: HTTPMethod
    public var path: String
    public var operationID: String
    public var description: String?
    public var deprecated: Bool
    /// Path, query and header parameters, in spec order.
    public var parameters: [Parameter]
    public var requestBody: RequestBody?
    /// Responses by status (`"200"`, `"default"`), in spec order.
    public var responses: [Response]
    public var location: SourceLocation

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

    /// The JSON schema of the first 2xx response.
    public var successSchema: Schema? {
        responses.first { $0.statusCode.hasPrefix("2") }?.schema
    }
}

/// A parameter outside the body.
public struct Parameter: Sendable {
    /// Where a parameter travels.
    public enum Location: String, Sendable, Hashable {
        case path, query, header, cookie
    }

    public var name: String
    public var location: Location
    public var required: Bool
    /// `form`, `simple` or `deepObject`.
    public var style: String?
    public var explode: Bool?
    public var description: String?
    public var schema: Schema
    public var sourceLocation: SourceLocation

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
        public var style: String?
        public var explode: Bool?

        public init(style: String?, explode: Bool?) {
            self.style = style
            self.explode = explode
        }
    }

    public var contentType: String
    public var schema: Schema
    public var required: Bool
    /// Field encodings by field name.
    public var encoding: [String: Encoding]

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
    public var description: String?
    /// The `application/json` schema, when the response has one.
    public var schema: Schema?
    /// Other media types the response declares (e.g. `application/pdf`).
    public var otherContentTypes: [String]

    public init(statusCode: String, description: String?, schema: Schema?, otherContentTypes: [String]) {
        self.statusCode = statusCode
        self.description = description
        self.schema = schema
        self.otherContentTypes = otherContentTypes
    }
}
