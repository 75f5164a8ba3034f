import CodegenOutput
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
        // Every thread that calls `eachFile` has returned before `generate` does.
        withoutActuallyEscaping(eachFile) { eachFile in
            files(options.selection.apply(to: document), options: options, eachFile: eachFile)
        }
    }

    /// Translates and prints, overlapping the two: the component models print while the resources translate.
    private static func files(_ document: OpenAPIDocument, options: GeneratorOptions,
                              eachFile: @escaping @Sendable (GeneratedFile) -> Void) -> [GeneratedFile] {
        var components = TypeTranslator(table: ComponentTable(document: document, typeNames: options.typeNames))
        // A component holds another by value only through component structs, never through the params and unions
        // the resources add, so its cycles are known before the resources are translated.
        let models = CycleBreaker.breakCycles(in: components.componentDeclarations())
        let renderer = ModuleRenderer(apiVersion: document.apiVersion, options: options)
        // The single-file layout hands over only the merged file, at the end.
        let streams = options.layout == .files
        let streamed: @Sendable (GeneratedFile) -> Void = { file in if streams { eachFile(file) } }
        // Models are never params, so their printer needs no params names (those come with the resources).
        let printedEnums = PrintedEnums()
        let modelTypes = TypeRenderer(access: renderer.access, paramsTypes: [], printedEnums: printedEnums)
        let modelFiles = SharedWork(count: models.count) { index in
            let file = renderer.file(.model(models[index]), types: modelTypes)
            streamed(file)
            return file
        }
        // One thread starts on the models at once; the other translates the resources, then helps.
        let translator = components
        let ((resources, translated), _) = ParallelMap.pair({
            var resources = ResourceTranslator(types: translator)
            let translatedResources = resources.resources()
            modelFiles.help()
            return (translatedResources, resources.types)
        }, {
            modelFiles.help()
        })
        let events = EventTranslator.events(in: document, table: translated.table)
        let jobs = translated.unionDeclarations.map(ModuleRenderer.FileJob.model)
            + ModuleRenderer.jobs(resources: resources, events: events)
        let types = TypeRenderer(access: renderer.access, paramsTypes: ModuleRenderer.paramsTypeNames(resources),
                                 printedEnums: printedEnums)
        let rest = renderer.files(jobs, types: types, eachFile: streamed)
        let files = (modelFiles.finish() + rest).sorted { $0.path < $1.path }
        guard options.layout == .singleFile else { return files }
        let single = renderer.merged(files)
        eachFile(single)
        return [single]
    }
}
