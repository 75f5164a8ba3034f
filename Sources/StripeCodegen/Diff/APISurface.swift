import StripeSpec

/// The Swift API a translated module declares, reduced to what callers see: types with their members, and
/// operations. Each entry is keyed by what it stands for in the spec, so a Swift name that changes is a rename.
struct APISurface: Sendable {
    /// What a declaration is, as callers use it.
    enum Kind: String, Sendable, Hashable {
        case model, params, enumeration, union
    }

    /// A stored property, an enum case or a union case.
    struct Member: Sendable, Hashable {
        /// The wire name (property), raw value (enum case) or case name (union case) that identifies it.
        var key: String
        var swiftName: String
        /// The Swift type, spelled as printed; empty for enum cases.
        var type: String
        var optional: Bool
        /// Whether the spec requires it: a model's required field stays optional in Swift when a response may lack
        /// it (tolerant decoding), so this can differ from `!optional`.
        var required: Bool
        var maxLength: Int?
        var location: SourceLocation?
    }

    /// A declared type.
    struct TypeEntry: Sendable {
        /// Where it comes from: `schema:checkout.session`, `operation:PostCheckoutSessions::params`, then
        /// ``APISurface/nesting`` and a local name for each nested type.
        var identity: String
        /// The fully qualified Swift name (`CheckoutSession.ShippingDetails`).
        var swiftName: String
        var kind: Kind
        var members: [Member]
        var location: SourceLocation?
        /// Whether callers build it: a params struct or a type nested in one.
        var inParams = false
    }

    /// A method on a resource.
    struct OperationEntry: Sendable {
        /// The operationId (`PostCheckoutSessions`), which stays when the path or the Swift name changes.
        var identity: String
        /// `POST /v1/checkout/sessions`.
        var endpoint: String
        /// `stripe.checkout.sessions.create`.
        var swiftName: String
        /// The resource's type (`CheckoutSessionsAPI`), which groups its changes.
        var resourceType: String
        var response: String
        var deprecated: Bool
        var location: SourceLocation?
    }

    /// Separates a nested type's local name from its parent's identity (schema names hold dots).
    static let nesting = "::"

    var types: [String: TypeEntry] = [:]
    var operations: [String: OperationEntry] = [:]
    /// The identities of resources, which hold the inline types their responses declare.
    var resources: Set<String> = []

    /// The surface of `module`, translated from `document` (which gives the places of shared unions and events).
    init(_ module: TranslatedModule, document: OpenAPIDocument) {
        for decl in module.models {
            let component = module.componentNames[decl.name] ?? decl.name
            add(decl, identity: "schema:" + component, qualifiedName: decl.name, inParams: false)
        }
        for decl in module.unions {
            let component = module.componentNames[decl.name]
            let identity = component.map { "schema:" + $0 } ?? "union:" + decl.name
            add(decl, identity: identity, qualifiedName: decl.name, inParams: false)
            // A shared union is declared by a component schema, or only by its uses (then it has no one place).
            if let component, let location = document.schemas[component]?.location {
                types[identity]?.location = location
                for index in types[identity]?.members.indices ?? 0..<0 {
                    types[identity]?.members[index].location = location
                }
            }
        }
        for resource in module.resources {
            let resourceIdentity = "resource:" + (resource.namespace + [resource.name]).joined(separator: "/")
            resources.insert(resourceIdentity)
            let accessor = (resource.namespace + [resource.name]).map(SwiftNames.memberName).joined(separator: ".")
            for operation in resource.operations {
                let endpoint = operation.httpMethod.uppercased() + " " + operation.specPath
                let identity = operation.operationID.isEmpty ? endpoint : "operation:" + operation.operationID
                operations[identity] = OperationEntry(
                    identity: identity, endpoint: endpoint, swiftName: "stripe.\(accessor).\(operation.methodName)",
                    resourceType: resource.typeName, response: operation.response.swift,
                    deprecated: operation.deprecated, location: operation.location)
                add(.structure(operation.params), identity: identity + Self.nesting + "params",
                    qualifiedName: "\(resource.typeName).\(operation.params.name)", inParams: true)
            }
            for nested in resource.nested {
                add(nested, identity: resourceIdentity + Self.nesting + nested.name,
                    qualifiedName: "\(resource.typeName).\(nested.name)", inParams: false)
            }
        }
        if !module.events.isEmpty {
            let eventLocation = document.schemas["event"]?.location
            let name = RuntimeNames.webhookEvent + ".Payload"
            types["events"] = TypeEntry(
                identity: "events", swiftName: name, kind: .union,
                members: module.events.map {
                    Member(key: $0.eventType, swiftName: $0.caseName, type: $0.object.swift, optional: false, required: true,
                           location: eventLocation)
                },
                location: eventLocation)
        }
    }

    /// Whether `identity` names a type, an operation or a resource of this surface.
    func declares(_ identity: String) -> Bool {
        types[identity] != nil || operations[identity] != nil || resources.contains(identity)
    }

    private mutating func add(_ decl: TypeDeclIR, identity: String, qualifiedName: String, inParams: Bool) {
        switch decl {
        case .structure(let structure):
            let members = structure.properties.map {
                Member(key: $0.jsonName, swiftName: $0.swiftName, type: $0.type.swift, optional: $0.optional,
                       required: !$0.optional || $0.toleratesAbsence, maxLength: $0.maxLength, location: $0.location)
            }
            let isParams = inParams || structure.isParams
            types[identity] = TypeEntry(identity: identity, swiftName: qualifiedName,
                                        kind: isParams ? .params : .model, members: members,
                                        location: structure.location, inParams: isParams)
            if !structure.expandableFields.isEmpty {
                let name = RuntimeNames.expandableField
                types[identity + Self.nesting + name] = TypeEntry(
                    identity: identity + Self.nesting + name, swiftName: qualifiedName + "." + name, kind: .enumeration,
                    members: structure.expandableFields.map {
                        Member(key: $0.rawValue, swiftName: $0.name, type: "", optional: false, required: true,
                               location: structure.location)
                    },
                    location: structure.location)
            }
            for nested in structure.nested {
                add(nested, identity: identity + Self.nesting + nested.name,
                    qualifiedName: qualifiedName + "." + nested.name, inParams: isParams)
            }
        case .enumeration(let enumeration):
            types[identity] = TypeEntry(
                identity: identity, swiftName: qualifiedName, kind: .enumeration,
                members: enumeration.cases.map {
                    Member(key: $0.rawValue, swiftName: $0.name, type: "", optional: false, required: true,
                           location: enumeration.location)
                },
                location: enumeration.location)
        case .union(let union):
            types[identity] = TypeEntry(
                identity: identity, swiftName: qualifiedName, kind: .union,
                members: union.members.map {
                    Member(key: $0.caseName, swiftName: $0.caseName, type: $0.type.swift, optional: false, required: true,
                           location: union.location)
                },
                location: union.location)
        }
        if inParams { types[identity]?.inParams = true }
    }
}
