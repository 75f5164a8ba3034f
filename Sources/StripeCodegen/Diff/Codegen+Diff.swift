import StripeSpec

extension Codegen {
    /// Resolves the specs at `old` and `new` as `generate` would (with the same `stripe-codegen.yaml` and `overlays`,
    /// applied to both) and compares the Swift APIs they generate. Throws every diagnostic of a spec that has an error.
    public static func diff(from old: String, to new: String,
                            configuration: String? = nil, overlays: [String] = []) throws(SpecError) -> APIDiffReport {
        let (before, oldPrepared) = try apiSurface(spec: old, configuration: configuration, overlays: overlays)
        let (after, newPrepared) = try apiSurface(spec: new, configuration: configuration, overlays: overlays)
        return APIDiffReport(
            from: .init(spec: old, apiVersion: oldPrepared.document.apiVersion),
            to: .init(spec: new, apiVersion: newPrepared.document.apiVersion),
            changes: APIDiff.changes(from: before, to: after),
            warnings: oldPrepared.warnings + newPrepared.warnings)
    }

    /// The Swift API the spec at `spec` generates: the spec prepared and translated as `generate` does.
    static func apiSurface(spec: String, configuration: String?,
                           overlays: [String] = []) throws(SpecError) -> (APISurface, Prepared) {
        let prepared = try prepare(spec: spec, configuration: configuration, settings: Settings(overlays: overlays))
        let module = SwiftGenerator.translate(prepared.document, options: prepared.options)
        let surface = APISurface(module, document: prepared.document)
        return (surface, prepared)
    }
}
