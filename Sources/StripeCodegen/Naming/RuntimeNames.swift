/// The StripeRuntime symbols generated code calls, spelled once: renderers print them from here and the naming
/// rules reserve them, so a schema can never take a name the generated code needs from the runtime.
enum RuntimeNames {
    /// The runtime module every generated file imports.
    static let module = "StripeRuntime"
    /// Sends requests; resources and namespaces hold one.
    static let client = "StripeClient"
    /// Per-request settings (idempotency key, account, timeout).
    static let requestOptions = "RequestOptions"
    /// One page of a list response.
    static let listPage = "ListPage"
    /// A list that follows `starting_after` page by page.
    static let autoPagingSequence = "AutoPagingSequence"
    /// What every params struct conforms to.
    static let params = "StripeParams"
    /// Models with a required `id`.
    static let identifiable = "StripeIdentifiable"
    /// What every open enum conforms to.
    static let stripeEnum = "StripeEnum"
    /// The coding key built from a wire name literal.
    static let fieldKey = "FieldKey"
    /// Where a param sits, for errors (`line_items[0][price]`).
    static let parameterPath = "ParameterPath"
    /// The checks params run before sending (`maxLength`, nested, each).
    static let parameterCheck = "ParameterCheck"
    /// An object's `object` and `deleted` fields, read to tell union members apart.
    static let objectTag = "ObjectTag"
    /// Any JSON value.
    static let jsonValue = "JSONValue"
    /// An id or the expanded object.
    static let expandable = "Expandable"
    /// A value, or `""` to unset it.
    static let unsettable = "Unsettable"
    /// The property wrapper that stores a required nested struct through a box.
    static let indirect = "Indirect"
    /// The property wrapper that stores an optional nested struct through a box (none when `nil`).
    static let indirectOptional = "IndirectOptional"
    /// Checks webhook signatures; the events extension adds `verifyEvent`.
    static let webhookVerifier = "WebhookVerifier"
    /// The runtime's error.
    static let error = "StripeError"
    /// The params of an operation without any.
    static let noParams = "NoParams"
    /// The header fields of an answer: what a HEAD operation returns.
    static let httpHeaders = "HTTPHeaders"
    /// The name and path template a request is traced and counted under.
    static let operation = "StripeOperation"
    /// The generated-code format the bindings are written in; the runtime declares the ones it supports.
    static let generatedCodeVersion = "StripeRuntimeGeneratedCodeVersion_2"

    /// Every runtime symbol above.
    static let all: [String] = [
        module, client, requestOptions, listPage, autoPagingSequence, params, identifiable, stripeEnum, fieldKey,
        parameterPath, parameterCheck, objectTag, jsonValue, expandable, unsettable, indirect, indirectOptional,
        webhookVerifier, error,
        noParams, httpHeaders, operation, generatedCodeVersion,
    ]

    /// Types the generated module declares itself at the top level.
    static let bindings = "StripeBindings"
    static let webhookEvent = "WebhookEvent"
    /// The enum each expandable model nests.
    static let expandableField = "ExpandableField"
}
