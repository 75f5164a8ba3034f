import StripeSpec

/// Derives typed webhook events from the spec: the event type names (the `event` schema's `type` enum, or the
/// `enabled_events` values a webhook endpoint accepts) and, for each, the object it carries, found by `x-resourceId`.
enum EventTranslator {
    /// The typed events, with their case names from the table, and the names asked for that it lacks.
    static func events(in document: OpenAPIDocument, table: ComponentTable) -> ([EventCaseIR], unnamed: [String]) {
        let carried = carriedObjects(in: document, typeNames: table.typeNames)
        let types = carried.map(\.eventType)
        guard let names = table.names.members(.eventCases, in: .module, bases: types) else {
            var rule = MemberNames.eventCases()
            let claims = rule.claims(forWireNames: types)
            let events = zip(carried, claims).map { EventCaseIR(eventType: $0.eventType, caseName: $1.name, object: .named($0.object)) }
            return (events, types.isEmpty ? [] : ["event cases"])
        }
        return (zip(carried, names).map { EventCaseIR(eventType: $0.eventType, caseName: $1, object: .named($0.object)) }, [])
    }

    /// The event types that carry a known object, sorted, with that object's Swift type name.
    static func carriedObjects(in document: OpenAPIDocument,
                               typeNames: [String: String]) -> [(eventType: String, object: String)] {
        var resources: [String: String] = [:]
        for name in document.schemaNames {
            if let id = document.schemas[name]?.extensions.resourceID, let swiftName = typeNames[name] {
                resources[id] = swiftName
            }
        }
        return eventTypes(in: document).sorted().compactMap { type in
            objectType(for: type, resources: resources).map { (type, $0) }
        }
    }

    private static func eventTypes(in document: OpenAPIDocument) -> Set<String> {
        var result: Set<String> = []
        if let event = document.schemas["event"].flatMap(document.resolve)?.object,
           let type = event.property("type"), let values = document.resolve(type.schema)?.enumValues {
            result.formUnion(values)
        }
        for operation in document.operations {
            guard let body = operation.requestBody, let object = document.resolve(body.schema)?.object,
                  let enabled = object.property("enabled_events"),
                  case .array(let items)? = document.resolve(enabled.schema)?.kind,
                  let values = document.resolve(items)?.enumValues else { continue }
            result.formUnion(values)
        }
        return result.filter { $0 != "*" && $0.contains(".") }
    }

    /// `checkout.session.completed` carries a `checkout.session`; `customer.subscription.created` a `subscription`.
    private static func objectType(for eventType: String, resources: [String: String]) -> String? {
        var parts = eventType.split(separator: ".").map(String.init)
        parts.removeLast()
        while !parts.isEmpty {
            let prefix = parts.joined(separator: ".")
            // `_` -> `.` on the bytes (an ASCII byte never occurs inside a multi-byte character).
            let dotted = String(decoding: prefix.utf8.map { $0 == UInt8(ascii: "_") ? UInt8(ascii: ".") : $0 }, as: UTF8.self)
            for candidate in [prefix, dotted, parts.last ?? ""] {
                if let type = resources[candidate] { return type }
            }
            parts.removeLast()
        }
        return nil
    }
}
