import StripeSpec

/// One generated API method.
struct OperationIR: Sendable {
    /// The method name on the resource (`create`, `list`, `expire`, `listLineItems`).
    var methodName: String
    /// The HTTP method as the spec writes it (`get`, `put`), which is also the runtime's `HTTPMethod` case.
    var httpMethod: String
    /// The path with `\(...)` interpolations of the path arguments.
    var pathTemplate: String
    /// Path arguments in order: wire name and Swift label.
    var pathArguments: [(name: String, label: String)]
    /// The params struct, nested in the resource.
    var params: StructIR
    /// Whether every param is optional, so the argument can default to `.init()`.
    var paramsAreOptional: Bool
    var response: TypeRef
    /// The element type when the operation returns a list page.
    var listElement: TypeRef?
    /// How the list element names the object a cursor pages past.
    var listCursor: ListCursor
    var operationID: String
    var specPath: String
    var deprecated: Bool
    /// The spec's description, wrapped into `documentation` when printed (on every core).
    var description: String?
    /// Where the operation is in the spec.
    var location: SourceLocation?

    /// Whether the answer has no body (HEAD): the method returns the answer's headers instead of decoding it.
    var returnsHeaders: Bool { httpMethod == HTTPMethod.head.rawValue }

    /// The doc comment: the description's first paragraph, then the HTTP method and path.
    var documentation: [String] {
        let described = description.map { Documentation.lines($0, fallback: "") } ?? []
        return (described.isEmpty || described == [""] ? [] : described + [""]) + ["`\(httpMethod.uppercased()) \(specPath)`"]
    }
}

/// How a list's elements give the id that `starting_after` and `ending_before` take.
enum ListCursor: Sendable, Hashable {
    /// A required `id` string: the element is `StripeIdentifiable`.
    case identifiable
    /// An `id` string that may be absent (an upcoming invoice has none): paged by the objects that have one.
    case optionalID
    /// No `id` (or not a list): a page cannot say where the next one starts.
    case none
}

/// A resource: `stripe.checkout.sessions` with its methods and the types its methods use.
struct ResourceIR: Sendable {
    /// Namespace path, e.g. `["checkout"]`, then the resource name `sessions`.
    var namespace: [String]
    var name: String
    var typeName: String
    var operations: [OperationIR]
    /// Response types declared inline in operations.
    var nested: [TypeDeclIR]
}

/// A typed webhook event case: the event type and the object it carries.
struct EventCaseIR: Sendable {
    var eventType: String
    var caseName: String
    var object: TypeRef
}

