import CodegenOutput
import ParallelWork
import StripeSpec

/// The codegen stage's entry point: a resolved spec in, Swift files out. Pure: no disk access, same output every run.
///
/// Three stages: the ``NamingStage`` decides every name, ``ModuleTranslator`` turns the spec into IR, and
/// ``ModuleRenderer`` prints each file; translating and printing each run as one parallel map.
public enum SwiftGenerator {
    /// Generates the Swift files for `document` as `options` say, sorted by path.
    public static func generate(_ document: OpenAPIDocument, options: GeneratorOptions) -> [GeneratedFile] {
        generate(document, options: options, eachFile: { _ in })
    }

    /// Generates and also hands each file to `eachFile` as soon as it is printed, from the thread that printed it
    /// and in no particular order, so a writer can work while the rest still prints.
    public static func generate(_ document: OpenAPIDocument, options: GeneratorOptions,
                                eachFile: @Sendable (GeneratedFile) -> Void) -> [GeneratedFile] {
        generate(document, options: options, width: nil, eachFile: eachFile)
    }

    /// `generate` on `width` threads (every core for large specs when `nil`); the output does not depend on it.
    static func generate(_ document: OpenAPIDocument, options: GeneratorOptions, width: Int?,
                         eachFile: @Sendable (GeneratedFile) -> Void) -> [GeneratedFile] {
        // Every thread that calls `eachFile` has returned before `generate` does.
        withoutActuallyEscaping(eachFile) { eachFile in
            let module = translate(document, options: options, width: width)
            return files(module, apiVersion: document.apiVersion, options: options, width: width, eachFile: eachFile)
        }
    }

    /// The selected part of `document`, named and translated.
    static func translate(_ document: OpenAPIDocument, options: GeneratorOptions,
                          width: Int? = nil) -> TranslatedModule {
        let selected = options.selection.apply(to: document)
        let planner = ResourcePlanner(document: selected)
        let groups = planner.groups(in: selected)
        let names = NamingStage.names(for: selected, typeNames: options.typeNames, groups: groups)
        return ModuleTranslator.translate(selected, names: names, width: width, planner: planner, groups: groups)
    }

    private static func files(_ module: TranslatedModule, apiVersion: String, options: GeneratorOptions, width: Int?,
                              eachFile: @escaping @Sendable (GeneratedFile) -> Void) -> [GeneratedFile] {
        let renderer = ModuleRenderer(apiVersion: apiVersion, options: options)
        // The single-file layout hands over only the merged file, at the end.
        let streams = options.layout == .files
        let printedEnums = PrintedEnums()
        // Component models are never params, so their printer needs no params names.
        let modelTypes = TypeRenderer(access: renderer.access, validatingTypes: [], printedEnums: printedEnums)
        let types = TypeRenderer(access: renderer.access,
                                 validatingTypes: ParamsValidation.validatingTypes(module.resources),
                                 printedEnums: printedEnums)
        let rest = module.unions.map(ModuleRenderer.FileJob.model)
            + ModuleRenderer.jobs(resources: module.resources, events: module.events)
        let jobs = module.models.map { (job: ModuleRenderer.FileJob.model($0), isComponent: true) }
            + rest.map { (job: $0, isComponent: false) }
        let files = ParallelMap.map(jobs, width: width) { job, isComponent in
            let file = renderer.file(job, types: isComponent ? modelTypes : types)
            if streams { eachFile(file) }
            return file
        }.sorted { $0.path < $1.path }
        guard options.layout == .singleFile else { return files }
        let single = renderer.merged(files)
        eachFile(single)
        return [single]
    }
}
