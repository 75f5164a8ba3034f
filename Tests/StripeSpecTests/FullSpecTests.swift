import Foundation
import SpecYAML
import Testing
@testable import StripeSpec

/// The full spec, loaded once for all tests in this file.
private enum FullSpec {
    static let result: Result<LoadedSpec, SpecError> = Result { () throws(SpecError) -> LoadedSpec in
        try SpecLoader.load(contentsOf: SharedData.specPath)
    }

    static func document() throws -> OpenAPIDocument {
        try result.get().document
    }
}

private func operation(_ document: OpenAPIDocument, _ method: HTTPMethod, _ path: String) throws -> StripeSpec.Operation {
    try #require(document.operations.first { $0.method == method && $0.path == path }, "\(method) \(path)")
}

private func property(_ document: OpenAPIDocument, _ schema: String, _ name: String) throws -> Schema {
    let object = try #require(document.schema(named: schema)?.object, "schema '\(schema)' is an object")
    return try #require(object.property(name)?.schema, "'\(schema).\(name)'")
}

/// Every schema in the document: components, parameters, bodies and responses, each tree walked without following refs.
private func allSchemas(_ document: OpenAPIDocument) -> [Schema] {
    var roots = document.schemaNames.compactMap { document.schemas[$0] }
    for operation in document.operations {
        roots += operation.parameters.map(\.schema)
        if let body = operation.requestBody { roots.append(body.schema) }
        roots += operation.responses.compactMap(\.schema)
    }
    var result: [Schema] = []
    var stack = roots
    while let next = stack.popLast() {
        result.append(next)
        stack += next.children
    }
    return result
}

@Suite("Stripe's full spec", .enabled(if: SharedData.available, "set STRIPE_SHARED_DATA to ../shared/stripe to run tests on Stripe's full spec"))
struct FullSpecTests {
    @Test("loads with no errors: 318 paths, 468 operations, 819 schemas, API version 2023-08-16")
    func counts() throws {
        let loaded = try FullSpec.result.get()
        #expect(loaded.document.paths.count == 318)
        #expect(loaded.document.operations.count == 468)
        #expect(loaded.document.schemaNames.count == 819)
        #expect(loaded.document.schemas.count == 819)
        #expect(loaded.document.apiVersion == "2023-08-16")
        #expect(loaded.document.openAPIVersion.hasPrefix("3."))
        #expect(loaded.warnings.filter { $0.severity == .error }.isEmpty)
    }

    @Test("every $ref in every schema resolves to a component")
    func everyReferenceResolves() throws {
        let document = try FullSpec.document()
        let references = allSchemas(document).filter { $0.referenceName != nil }
        #expect(references.count > 1000)
        let dangling = references.filter { document.resolve($0) == nil }
        #expect(dangling.isEmpty, "\(dangling.prefix(5).map { "\($0.referenceName ?? "") at \($0.location)" })")
        // Resolving ends at a schema that is itself not a reference.
        #expect(references.allSatisfy { document.resolve($0)?.referenceName == nil })
    }

    @Test("client_reference_id: at most 200 characters when creating; a nullable string on the session")
    func clientReferenceID() throws {
        let document = try FullSpec.document()
        let create = try operation(document, .post, "/v1/checkout/sessions")
        let body = try #require(create.requestBody)
        let fields = try #require(document.resolve(body.schema)?.object)
        let parameter = try #require(fields.property("client_reference_id")?.schema)
        guard case .string = parameter.kind else { Issue.record("expected a string, got \(parameter.kind)"); return }
        #expect(parameter.maxLength == 200)
        #expect(!fields.required.contains("client_reference_id"))
        // The object returned carries the wider limit the spec gives every id-like string.
        let onSession = try property(document, "checkout.session", "client_reference_id")
        guard case .string = onSession.kind else { Issue.record("expected a string, got \(onSession.kind)"); return }
        #expect(onSession.nullable)
        #expect(onSession.maxLength == 5000)
    }

    @Test("listing sessions filters by customer and payment objects, never by client_reference_id")
    func listParameters() throws {
        let document = try FullSpec.document()
        let list = try operation(document, .get, "/v1/checkout/sessions")
        let names = Set(list.parameters.map(\.name))
        #expect(!names.contains("client_reference_id"))
        for expected in ["customer", "customer_details", "payment_intent", "payment_link", "subscription",
                         "starting_after", "ending_before", "limit", "expand"] {
            #expect(names.contains(expected), "missing '\(expected)'")
        }
        let details = try #require(list.parameters.first { $0.name == "customer_details" })
        #expect(details.style == "deepObject")
        #expect(details.location == .query)
        // Stripe declares an empty form body even on GETs; it has no filter either.
        let body = list.requestBody.flatMap { document.resolve($0.schema)?.object }
        #expect(body?.property("client_reference_id") == nil)
    }

    @Test("creating a session sends a form body with line_items as a deep object")
    func createBody() throws {
        let document = try FullSpec.document()
        let create = try operation(document, .post, "/v1/checkout/sessions")
        let body = try #require(create.requestBody)
        #expect(body.contentType == "application/x-www-form-urlencoded")
        #expect(body.encoding["line_items"]?.style == "deepObject")
        #expect(body.encoding["line_items"]?.explode == true)
        let fields = try #require(document.resolve(body.schema)?.object)
        #expect(fields.property("client_reference_id")?.schema.maxLength == 200)
        #expect(create.successSchema?.referenceName == "checkout.session")
    }

    @Test("checkout.session carries x-resourceId and x-expandableFields")
    func extensions() throws {
        let document = try FullSpec.document()
        let session = try #require(document.schema(named: "checkout.session"))
        #expect(session.extensions.resourceID == "checkout.session")
        let expandable = try #require(session.extensions.expandableFields)
        #expect(expandable.contains("customer"))
        #expect(expandable.contains("line_items"))
        #expect(!expandable.contains("client_reference_id"))
    }

    @Test("customer is anyOf id | customer | deleted_customer with two expansion resources")
    func expandableCustomer() throws {
        let document = try FullSpec.document()
        let customer = try property(document, "checkout.session", "customer")
        guard case .anyOf(let members) = customer.kind else {
            Issue.record("expected anyOf, got \(customer.kind)")
            return
        }
        #expect(members.count == 3)
        guard case .string = members[0].kind else { Issue.record("the first member is the id string"); return }
        #expect(members.compactMap(\.referenceName) == ["customer", "deleted_customer"])
        let resources = try #require(customer.extensions.expansionResources)
        #expect(resources.count == 2)
        #expect(resources.compactMap(\.referenceName) == ["customer", "deleted_customer"])
        #expect(customer.nullable)
    }

    @Test("formats: unix-time integers and decimal strings")
    func formats() throws {
        let document = try FullSpec.document()
        let created = try property(document, "checkout.session", "created")
        guard case .integer = created.kind else { Issue.record("created is an integer, got \(created.kind)"); return }
        #expect(created.format == "unix-time")
        let decimal = try property(document, "price", "unit_amount_decimal")
        guard case .string = decimal.kind else { Issue.record("unit_amount_decimal is a string"); return }
        #expect(decimal.format == "decimal")
    }

    @Test("metadata is a map of strings")
    func metadataMap() throws {
        let document = try FullSpec.document()
        let metadata = try property(document, "checkout.session", "metadata")
        let object = try #require(metadata.object)
        guard case .schema(let values) = object.additionalProperties else {
            Issue.record("expected additionalProperties with a schema, got \(object.additionalProperties)")
            return
        }
        guard case .string = values.kind else { Issue.record("metadata values are strings"); return }
        #expect(object.properties.isEmpty)
        #expect(metadata.nullable)
    }

    @Test("recursive schemas: following references terminates and finds cycles")
    func recursiveSchemas() throws {
        let document = try FullSpec.document()
        /// Component names reachable from `name`, following references transitively.
        func closure(from name: String) -> Set<String> {
            var reached: Set<String> = []
            var pending = [name]
            while let next = pending.popLast() {
                guard let schema = document.schemas[next] else { continue }
                var stack = [schema]
                while let current = stack.popLast() {
                    if let target = current.referenceName, reached.insert(target).inserted { pending.append(target) }
                    stack += current.children
                }
            }
            return reached
        }
        let fromSession = closure(from: "checkout.session")
        #expect(fromSession.count > 100)
        #expect(fromSession.isSubset(of: Set(document.schemaNames)))
        #expect(fromSession.contains("customer"))
        // customer -> ... -> customer: a cycle, which walking with a visited set survives.
        #expect(closure(from: "customer").contains("customer"))
        for name in fromSession {
            let reference = Schema(kind: .reference(name), location: StripeSpec.SourceLocation(path: "t", mark: Mark(line: 1, column: 1)))
            #expect(document.resolve(reference) != nil, "\(name)")
        }
    }
}
