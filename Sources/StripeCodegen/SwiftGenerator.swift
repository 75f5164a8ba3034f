import StripeSpec

/// The codegen stage's entry point: a resolved spec in, Swift files out. Pure: no disk access, same output every run.
public enum SwiftGenerator {
    public static func generate(_ document: OpenAPIDocument, options: GeneratorOptions) -> [GeneratedFile] {
        generate(document, options: options, eachFile: { _ in })
    }

    /// Generates and also hands each file to `eachFile` as soon as it is printed, from the thread that printed it
    /// and in no particular order, so a writer can work while the rest still prints.
    public static func generate(_ document: OpenAPIDocument, options: GeneratorOptions,
                                eachFile: @Sendable (GeneratedFile) -> Void) -> [GeneratedFile] {
        let document = options.selection.apply(to: document)
        let table = ComponentTable(document: document, typeNames: options.typeNames)
        var types = TypeTranslator(table: table)
        let components = types.componentDeclarations()
        var resources = ResourceTranslator(types: types)
        let resourceIRs = resources.resources()
        types = resources.types
        let events = EventTranslator.events(in: document, table: types.table)
        let models = CycleBreaker.breakCycles(in: components + types.unionDeclarations)
        let module = ModuleIR(apiVersion: document.apiVersion, specFileName: options.specFileName,
                              types: models.sorted { $0.name < $1.name }, resources: resourceIRs, events: events,
                              eventTypeEnum: nil)
        return ModuleRenderer(module: module, options: options).files(eachFile: eachFile)
    }
}
