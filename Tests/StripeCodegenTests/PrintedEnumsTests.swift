@testable import StripeCodegen
import Testing

/// An enum printed again for another owner reuses its earlier text only where that text is exactly what printing
/// would give: same name, doc comment, values and depth.
@Suite struct PrintedEnumsTests {
    static let countries = enumeration(values: ["AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR"])

    /// An enum with `values`, its cases named as the naming stage names them.
    private static func enumeration(values: [String]) -> EnumIR {
        EnumIR(name: "AllowedCountries", documentation: ["Where we ship."], values: values,
               cases: EnumCaseNames.claims(for: values).map { EnumCase(name: $0.name, rawValue: $0.base) })
    }

    /// `decl` printed inside `depth` nested blocks, with `renderer`.
    private func printed(_ decl: EnumIR, depth: Int, with renderer: TypeRenderer) -> String {
        var printer = CodePrinter()
        func nest(_ level: Int, _ printer: inout CodePrinter) {
            guard level < depth else {
                renderer.render(.enumeration(decl), into: &printer)
                return
            }
            printer.block("struct Owner\(level)") { nest(level + 1, &$0) }
        }
        nest(0, &printer)
        return printer.text
    }

    private func renderer(_ printedEnums: PrintedEnums = PrintedEnums()) -> TypeRenderer {
        TypeRenderer(access: "public ", validatingTypes: [], printedEnums: printedEnums)
    }

    @Test func aSharedCacheGivesTheTextPrintingWouldAtEveryDepth() {
        let shared = renderer()
        for depth in [1, 2, 1, 0, 2] {
            #expect(printed(Self.countries, depth: depth, with: shared) == printed(Self.countries, depth: depth, with: renderer()),
                    "depth \(depth)")
        }
    }

    @Test func enumsThatDifferInNameDocOrValuesAreEachPrintedForThemselves() {
        let shared = renderer()
        var renamed = Self.countries
        renamed.name = "ShippingCountries"
        var redocumented = Self.countries
        redocumented.documentation = ["Where we bill."]
        let fewer = Self.enumeration(values: Array(Self.countries.values.dropLast()))
        for decl in [Self.countries, renamed, redocumented, fewer, Self.countries] {
            let text = printed(decl, depth: 1, with: shared)
            #expect(text == printed(decl, depth: 1, with: renderer()), "\(decl.name) \(decl.documentation)")
            #expect(text.contains("enum \(decl.name): StripeEnum"))
        }
    }
}
