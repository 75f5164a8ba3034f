import CodegenOutput
import Foundation
@testable import StripeCodegen
import Testing

/// Generated types read declaration first (fields, memberwise init, nested types), with coding and validation in
/// extensions below a `// MARK: - Coding` line; `validate(at:)` only where something is checked; and the module
/// names the generated-code version the runtime must declare.
@Suite struct DeclarationShapeTests {
    /// The text before and after the file's `// MARK: - Coding` line, failing when there is none.
    private func split(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> (String, String) {
        let parts = text.components(separatedBy: "\n// MARK: - Coding\n")
        guard parts.count == 2 else {
            Issue.record("expected one coding mark, found \(parts.count - 1)", sourceLocation: sourceLocation)
            throw ExpectationFailure()
        }
        return (parts[0], parts[1])
    }

    @Test func aModelDeclaresItsFieldsAndNestedTypesBeforeItsCoding() throws {
        let gadget = try Generation.file("Models/Gadget.swift", in: Generation.files(InlineSpecs.gadget))
        let (declaration, coding) = try split(gadget)
        #expect(declaration.contains("public struct Gadget: Codable, Hashable, Sendable, StripeIdentifiable {"))
        #expect(declaration.contains("    public var displayName: String?\n"))
        #expect(declaration.contains("    public init(\n"))
        #expect(declaration.contains("    public struct Dimensions: Codable, Hashable, Sendable {"))
        #expect(!declaration.contains("init(from decoder"))
        #expect(!declaration.contains("func encode(to encoder"))
        #expect(!declaration.contains("missingRequiredFields"))
        #expect(coding.contains("missingRequiredFields"))
        // The type's own extension first, then its nested type's, each with decoding and encoding.
        let extensions = coding.components(separatedBy: "\n").filter { $0.hasPrefix("extension ") }
        #expect(extensions == ["extension Gadget {", "extension Gadget.Dimensions {"])
        #expect(coding.components(separatedBy: "    public init(from decoder: any Decoder) throws {").count == 3)
        #expect(coding.components(separatedBy: "    public func encode(to encoder: any Encoder) throws {").count == 3)
    }

    @Test func paramsEncodeAndValidateInExtensionsOfTheirQualifiedNames() throws {
        let files = try Generation.files(InlineSpecs.widgetParams)
        let create = try Generation.file("Resources/WidgetsAPI+CreateParams.swift", in: files)
        let (declaration, coding) = try split(create)
        #expect(declaration.contains("extension WidgetsAPI {\n    /// The parameters of `create`.\n    public struct CreateParams: StripeParams {"))
        #expect(!declaration.contains("func validate") && !declaration.contains("func encode"))
        let extensions = coding.components(separatedBy: "\n").filter { $0.hasPrefix("extension ") }
        #expect(extensions.first == "extension WidgetsAPI.CreateParams {")
        #expect(extensions.contains("extension WidgetsAPI.CreateParams.Part {"))
        #expect(extensions.contains("extension WidgetsAPI.CreateParams.Dimensions {"))
    }

    @Test func onlyParamsThatCheckSomethingDeclareValidate() throws {
        let files = try Generation.files(InlineSpecs.widgetParams)
        let create = try Generation.file("Resources/WidgetsAPI+CreateParams.swift", in: files)
        // `CreateParams`, `Part` and `Dimensions` each have a length limit.
        #expect(create.components(separatedBy: "public func validate(at path: ParameterPath) throws {").count == 4)
        // Retrieve's params (`expand` of typed fields) check nothing and keep the runtime's default.
        let retrieve = try Generation.file("Resources/WidgetsAPI+RetrieveParams.swift", in: files)
        #expect(!retrieve.contains("func validate"))
    }

    @Test func aParamsTypeHoldingOnlyUncheckedTypesHasNoValidate() throws {
        let holder = ObjectSchemaFixture.params(
            StructIR(name: "Outer", documentation: [], properties: [
                PropertyIR(jsonName: "inner", swiftName: "inner", type: .named("ThingsAPI.ListParams.Inner"),
                           optional: true, documentation: .lines([]), maxLength: nil),
                PropertyIR(jsonName: "checked", swiftName: "checked", type: .named("ThingsAPI.ListParams.Checked"),
                           optional: true, documentation: .lines([]), maxLength: nil),
            ], nested: [
                .structure(StructIR(name: "Inner", documentation: [], properties: [
                    PropertyIR(jsonName: "note", swiftName: "note", type: .string, optional: true,
                               documentation: .lines([]), maxLength: nil),
                ], nested: [], isParams: true, isIdentifiable: false, expandableFields: [])),
                .structure(StructIR(name: "Checked", documentation: [], properties: [
                    PropertyIR(jsonName: "note", swiftName: "note", type: .string, optional: true,
                               documentation: .lines([]), maxLength: 3),
                ], nested: [], isParams: true, isIdentifiable: false, expandableFields: [])),
            ], isParams: true, isIdentifiable: false, expandableFields: []))
        let validating = ParamsValidation.validatingTypes([holder])
        #expect(validating == ["ThingsAPI.ListParams", "ThingsAPI.ListParams.Checked"])
    }

    @Test func theBindingsNameTheGeneratedCodeVersionOnce() throws {
        let files = try Generation.files(InlineSpecs.widgetParams)
        let bindings = try Generation.file("StripeBindings.swift", in: files)
        #expect(bindings.contains("    public typealias GeneratedCodeVersion = \(RuntimeNames.generatedCodeVersion)  //"))
        let references = files.filter { $0.contents.contains(RuntimeNames.generatedCodeVersion) }.map(\.path)
        #expect(references == ["StripeBindings.swift"])
        #expect(RuntimeNames.generatedCodeVersion.hasPrefix("StripeRuntimeGeneratedCodeVersion_"))
    }
}

/// A resource holding one params struct, for the validation rules.
private enum ObjectSchemaFixture {
    static func params(_ params: StructIR) -> ResourceIR {
        var named = params
        named.name = "ListParams"
        let operation = OperationIR(
            methodName: "list", httpMethod: "get", pathTemplate: "/v1/things", pathArguments: [], params: named,
            paramsAreOptional: true, response: .json, listElement: nil, listCursor: .none, operationID: "GetThings",
            specPath: "/v1/things", deprecated: false, description: nil)
        return ResourceIR(namespace: [], name: "things", typeName: "ThingsAPI", operations: [operation], nested: [])
    }
}
