import CodegenOutput
import Foundation
@testable import StripeCodegen
import StripeSpec
import Testing

/// On Stripe's full specs, the name table is complete: translation, reading it frozen, asks for no name it lacks
/// (types, nested types, members and cases alike), and the output is the same on one thread and on every core.
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

    /// Translation reads property, case, path label, event and expandable field names from the table alone: with
    /// them taken out, it reports each kind as missing.
    @Test func translationReportsMemberNamesTheTableLacks() throws {
        let document = try Self.document("spec3-2023-08-16.yaml")
        var names = NamingStage.names(for: document)
        let kinds = ["properties(", "unionCases(", "pathLabels(", "expandableFields(", "event cases", "cases of "]
        #expect(names.memberNames.values.reduce(0) { $0 + $1.count } > 1000)
        names.memberNames = [:]
        let module = ModuleTranslator.translate(document, names: names)
        for kind in kinds {
            #expect(module.unnamed.contains { $0.contains(kind) }, "no missing name reported for \(kind)")
        }
    }

    /// On the full spec, the session's enums are the ones its create params use, and every params type that is not
    /// named after its param carries the one suffix, `Params`.
    @Test func sharedEnumsAndParamsExceptionsOnTheFullSpec() throws {
        let names = NamingStage.names(for: try Self.document("spec3-2023-08-16.yaml"))
        for field in ["locale", "mode", "submit_type", "billing_address_collection"] {
            let shared = names.enums.filter { $0.key.field == field }.map(\.value.name)
            #expect(shared.contains("CheckoutSession.\(SwiftNames.typeName(field))"), "\(field): \(shared)")
        }
        #expect(names.paramsExceptions.count > 100)
        for exception in names.paramsExceptions {
            let name = String(exception.qualifiedName.split(separator: ".").last ?? "")
            #expect(name.hasPrefix(exception.base + NestedTypeRules.paramsSuffix), "\(exception.qualifiedName)")
        }
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
