@testable import StripeCodegen
import Testing

/// Identifier and doc-comment helpers on the inputs their fast ASCII paths have to get exactly right.
@Suite struct NamingAndDocumentationTests {
    @Test(arguments: [
        ("client_reference_id", "clientReferenceID", "ClientReferenceID"),
        ("api_key_ids", "apiKeyIDs", "APIKeyIDs"),
        ("owner_url", "ownerURL", "OwnerURL"),
        ("ip_address", "ipAddress", "IPAddress"),
        ("iban", "iban", "IBAN"),
        ("3d_secure", "_3dSecure", "_3dSecure"),
        ("checkout.session", "checkoutSession", "CheckoutSession"),
        ("payment-method", "paymentMethod", "PaymentMethod"),
        ("fooBARBaz", "fooBarbaz", "FooBarbaz"),
        ("paymentIntent", "paymentIntent", "PaymentIntent"),
        ("", "value", "Value"),
        ("__", "value", "Value"),
        ("redirect_urls", "redirectURLs", "RedirectURLs"),
        ("apis", "apis", "Apis"),
    ])
    func memberAndTypeNames(name: String, member: String, type: String) {
        #expect(SwiftNames.memberName(name) == member)
        #expect(SwiftNames.typeName(name) == type)
    }

    @Test func nonASCIINamesTakeTheGeneralPath() {
        #expect(SwiftNames.memberName("café_id") == "caféID")
        #expect(SwiftNames.typeName("über_url") == "ÜberURL")
    }

    @Test func documentationKeepsTheFirstParagraphWithoutTagsWrappedAt100() {
        let words = (1...30).map { "word\($0)" }.joined(separator: " ")
        #expect(Documentation.lines("A <b>bold</b> start.\n" + words + "\n\nSecond paragraph.", fallback: "F") == [
            "A bold start. word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13",
            "word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24 word25 word26 word27",
            "word28 word29 word30",
        ])
        #expect(Documentation.lines("<p></p>", fallback: "F") == ["F"])
        #expect(Documentation.lines(nil, fallback: "F") == ["F"])
    }

    @Test func enumCasesAreUniqueEscapedAndClearOfStripeEnumMembers() {
        let cases = EnumCaseNames.cases(for: ["a", "a", "", "self", "Type", "type", "unrecognized", "default"])
        #expect(cases.map(\.name) == ["a", "selfValue", "type", "typeValue", "unrecognizedValue", "`default`"])
        #expect(cases.map(\.rawValue) == ["a", "self", "Type", "type", "unrecognized", "default"])
    }

    @Test func descriptionsWithAWordBeforeTheFirstBlankLineNeedNoFallback() {
        #expect(Documentation.surelyHasWords("Hello"))
        #expect(Documentation.surelyHasWords("<b>x</b>"))
        #expect(!Documentation.surelyHasWords(""))
        #expect(!Documentation.surelyHasWords("<p></p> \n"))
        #expect(!Documentation.surelyHasWords(" \n\nword"))
        // Unsure (not ASCII): the caller works the lines out now.
        #expect(!Documentation.surelyHasWords("é"))
    }

    @Test func nameScopeStaysUniqueWhenItOutgrowsItsList() {
        var scope = NameScope(reserved: ["value"])
        let names = (0..<40).map { _ in scope.claim("value", suffix: "Value") }
        #expect(names.prefix(3) == ["valueValue", "valueValue2", "valueValue3"])
        #expect(Set(names).count == 40)
        #expect(scope.contains("valueValue39") && scope.contains("value") && !scope.contains("other"))
        #expect(scope.claim("x", suffix: "Value") { $0 == "x" } == "xValue")
    }
}
