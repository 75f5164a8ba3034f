import SpecYAML
import Testing
@testable import StripeSpec

/// The JSONPath subset overlays use, parsed and matched against a small tree of our own.
@Suite("JSONPath")
struct JSONPathTests {
    private let tree = try! YAMLLoader.load(string: """
        paths:
          /v1/orders:
            get:
              parameters:
              - name: limit
                in: query
                required: false
              - name: status
                in: query
                required: true
              - name: depth
                in: query
                max: 3
          /v1/refunds:
            get:
              parameters:
              - name: status
                in: query
        """)

    /// The texts of the `name` fields of the nodes `expression` selects, in order.
    private func names(_ expression: String) throws -> [String] {
        let path = try JSONPath.parse(expression)
        return path.matches(in: tree).map { address in tree.node(at: address)?["name"]?.string ?? "?" }
    }

    @Test("children by name, by quoted name in either quote, and by index")
    func childrenAndIndexes() throws {
        #expect(try names("$.paths['/v1/orders'].get.parameters[1]") == ["status"])
        #expect(try names(#"$.paths["/v1/orders"]['get'].parameters[0]"#) == ["limit"])
        #expect(try names("$.paths['/v1/orders'].get.parameters[3]") == [])
        #expect(try names("$.paths.nothing.get.parameters[0]") == [])
        let root = try JSONPath.parse("$").matches(in: tree)
        #expect(root == [[]])
    }

    @Test("wildcards over mappings and sequences, in document order")
    func wildcards() throws {
        #expect(try names("$.paths.*.get.parameters[*]") == ["limit", "status", "depth", "status"])
        #expect(try names("$.paths[*].get.parameters[0]") == ["limit", "status"])
    }

    @Test("filters compare strings, numbers and booleans by equality")
    func filters() throws {
        #expect(try names("$.paths.*.get.parameters[?(@.name == 'status')]") == ["status", "status"])
        #expect(try names(#"$.paths.*.get.parameters[?(@.name=="depth")]"#) == ["depth"])
        #expect(try names("$.paths.*.get.parameters[?(@.max == 3)]") == ["depth"])
        #expect(try names("$.paths.*.get.parameters[?(@.required == true)]") == ["status"])
        #expect(try names("$.paths.*.get.parameters[?(@.required == false)]") == ["limit"])
        // A string literal does not equal a plain number or boolean, nor a number literal a string.
        #expect(try names("$.paths.*.get.parameters[?(@.max == '3')]") == [])
        #expect(try names("$.paths.*.get.parameters[?(@.required == 'true')]") == [])
        #expect(try names("$.paths.*.get.parameters[?(@['name'] == 'limit')]") == ["limit"])
    }

    @Test("expressions outside the subset are errors naming the character")
    func errors() {
        let cases: [(String, Int, String)] = [
            ("paths", 0, "a JSONPath expression starts with '$'"),
            ("$..name", 1, "recursive descent '..' is not supported"),
            ("$.paths[", 8, "unclosed '['"),
            ("$.paths['/v1", 8, "unterminated string"),
            ("$.a[-1]", 4, "negative array indexes are not supported"),
            ("$.a[?(@.name != 'x')]", 13, "only '==' filters are supported"),
            ("$.a[?(@.name == x)]", 16, "'x' is not a literal: quote strings, as in 'x'"),
            ("$.a[0", 5, "expected ']'"),
            ("$a", 1, "expected '.' or '[', found 'a'"),
            ("$.", 2, "expected a name after '.'"),
        ]
        for (text, offset, message) in cases {
            #expect(throws: JSONPathError(offset: offset, message: message), "\(text)") { try JSONPath.parse(text) }
        }
    }
}
