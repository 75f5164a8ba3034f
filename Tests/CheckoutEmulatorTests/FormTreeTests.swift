@testable import CheckoutEmulator
import StripeRuntime
import Testing

@Suite("Reading bracketed form names back into trees")
struct FormTreeTests {
    @Test("indexed lists, empty-bracket lists and maps nest as written")
    func nesting() throws {
        let tree = try FormTree.build(FormBody.parse(
            "line_items[0][price]=price_1&line_items[0][quantity]=2&line_items[1][price_data][currency]=usd"
                + "&expand[]=line_items&expand[]=customer&metadata[order]=42&mode=payment"
        ))
        let items = try #require(tree["line_items"]?.elements)
        #expect(items.count == 2)
        #expect(items[0]["quantity"]?.string == "2")
        #expect(items[1]["price_data"]?["currency"]?.string == "usd")
        #expect(tree["expand"]?.elements?.compactMap(\.string) == ["line_items", "customer"])
        #expect(tree["metadata"]?["order"]?.string == "42")
        #expect(tree["mode"]?.string == "payment")
    }

    @Test("a name used both as a value and as an object is a conflict naming the field")
    func conflict() {
        #expect(throws: FormTreeConflict.self) {
            try FormTree.build([FormField(name: "mode", value: "payment"), FormField(name: "mode[x]", value: "1")])
        }
        #expect(FormTree.segments(of: "a[b][0][]") == ["a", "b", "0", ""])
    }

    @Test("the emulator's param paths print in bracket syntax")
    func paramPath() {
        #expect(ParamPath(["line_items"]).appending(index: 0).appending("quantity").description == "line_items[0][quantity]")
    }
}
