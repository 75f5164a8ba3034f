import ParallelWork
import StripeSpec

/// Everything the module declares, as IR.
struct TranslatedModule: Sendable {
    /// Component structs and enums, sorted by component name.
    var models: [TypeDeclIR]
    /// Shared unions, sorted by name.
    var unions: [TypeDeclIR]
    var resources: [ResourceIR]
    var events: [EventCaseIR]
    /// Names translation asked for that the table does not hold; empty whenever naming and translation agree.
    var unnamed: [String]
    /// Component schema name by Swift type name, so a type can be traced to the schema it came from.
    var componentNames: [String: String] = [:]
}

/// Translates a spec whose names are decided: each component, resource and shared union on its own, as a plain
/// parallel map.
enum ModuleTranslator {
    /// Translates `document` with its decided `names`; `planner` and its `groups` are the ones the names were
    /// decided with (made here when not given).
    static func translate(_ document: OpenAPIDocument, names: NameTable, width: Int? = nil,
                          planner: ResourcePlanner? = nil, groups: [ResourcePlanner.Group]? = nil) -> TranslatedModule {
        let table = ComponentTable(document: document, names: names)
        let components = document.schemaNames.sorted().filter {
            names.shapes[$0] == .structure || names.shapes[$0] == .enumeration
        }
        let translatedComponents = ParallelMap.map(components, width: width) { name in
            TypeTranslator.declaration(ofComponent: name, table: table)
        }
        let planner = planner ?? ResourcePlanner(document: document)
        let translatedResources = ParallelMap.map(groups ?? planner.groups(in: document), width: width) { group in
            ResourceTranslator.resource(group, planner: planner, table: table)
        }
        let models = translatedComponents.compactMap(\.0)
        let unions = names.unions.sorted { $0.name < $1.name }.map { TypeTranslator.declaration(of: $0, table: table) }
        let events = EventTranslator.events(in: document, table: table)
        return NestedStructBoxing.boxNestedStructs(in: TranslatedModule(
            models: models, unions: unions.map(\.0), resources: translatedResources.map(\.0),
            events: events.0,
            unnamed: translatedComponents.flatMap(\.unnamed) + translatedResources.flatMap(\.unnamed)
                + unions.flatMap(\.unnamed) + events.unnamed,
            componentNames: names.componentNames))
    }
}
