#if Emulator
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

    /// Found by the FormRoundTrip fuzz target: a key starting with a combining mark (U+0652) fused with
    /// the bracket before it into one `Character`, so the name was not split there.
    @Test("a bracket followed by a combining mark still opens a segment")
    func combiningMarkAfterBracket() throws {
        #expect(FormTree.segments(of: "a[\u{0652}x][b]") == ["a", "\u{0652}x", "b"])
        let body = "-pp%5B0%5D%5B%D9%92%EF%BF%BD%5D%5Bf17%5D%5B%5D=%5B&-pp%5B0%5D%5Bf41%5D%5Bf48%5D=%5B"
        let tree = try FormTree.build(FormBody.parse(body))
        #expect(tree["-pp"]?["0"]?["\u{0652}\u{FFFD}"]?["f17"]?.elements == [.value("[")])
        #expect(tree["-pp"]?["0"]?["f41"]?["f48"]?.string == "[")
    }

    @Test("the emulator's param paths print in bracket syntax")
    func paramPath() {
        #expect(ParamPath(["line_items"]).appending(index: 0).appending("quantity").description == "line_items[0][quantity]")
    }
}
#endif
