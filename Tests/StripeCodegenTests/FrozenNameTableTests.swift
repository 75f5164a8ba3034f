import CodegenOutput
import Foundation
@testable import StripeCodegen
import StripeSpec
import Testing

/// On Stripe's full specs, the name table is complete: translation, reading it frozen, asks for no name it lacks,
/// and the output is the same on one thread and on every core.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["STRIPE_SHARED_DATA"].map { !$0.isEmpty } ?? false,
                "set STRIPE_SHARED_DATA to ../shared/stripe to run tests on Stripe's full spec"))
struct FrozenNameTableTests {
    private static func document(_ file: String) throws -> OpenAPIDocument {
        let folder = ProcessInfo.processInfo.environment["STRIPE_SHARED_DATA"] ?? "."
        return try SpecLoader.load(contentsOf: folder + "/" + file).document
    }

    @Test(arguments: ["spec3-2023-08-16.yaml", "spec3-2022-05.sdk.yaml"])
    func translationFindsEveryNameInTheTable(file: String) throws {
        let document = try Self.document(file)
        let names = NamingStage.names(for: document)
        let module = ModuleTranslator.translate(document, names: names)
        #expect(module.unnamed.isEmpty, "names missing from the table: \(module.unnamed.prefix(5))")
        #expect(module.models.count > 500)
        #expect(module.resources.count == names.resources.count)
    }

    @Test func oneThreadAndEveryCorePrintTheSameFullSpec() throws {
        let document = try Self.document("spec3-2023-08-16.yaml")
        let options = GeneratorOptions(specFileName: "spec3-2023-08-16.yaml")
        let one = SwiftGenerator.generate(document, options: options, width: 1, eachFile: { _ in })
        let many = SwiftGenerator.generate(document, options: options, width: 8, eachFile: { _ in })
        #expect(one.count == many.count)
        #expect(one == many)
    }
}
