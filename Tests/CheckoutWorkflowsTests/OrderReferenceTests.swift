#if Emulator
import CheckoutWorkflows
import StripeRuntime
import Testing

@Suite struct OrderReferenceTests {
    @Test(arguments: ["order\r\n42", "order\u{0}", "tab\there", "bell\u{7}", "del\u{7F}", "c1\u{85}"])
    func controlCharactersAreRejected(value: String) {
        let error = #expect(throws: StripeError.self) { _ = try OrderReference(value) }
        #expect(error?.kind == .invalidParameter)
        #expect(error?.param == "client_reference_id")
        #expect(error?.message.contains("control") == true)
    }

    @Test func printableAndNonASCIIReferencesAreKept() throws {
        #expect(try OrderReference("commande-été #42").value == "commande-été #42")
    }
}
#endif
