import Testing
@testable import SpecYAML

@Suite("Loading YAML into nodes")
struct LoaderTests {
    @Test("mappings keep source order and every node knows its line and column")
    func orderAndMarks() throws {
        let root = try YAMLLoader.load(string: "zeta: 1\nalpha:\n  - x\n  - y\nmid: 'q'\n")
        let keys = root.pairs?.compactMap(\.keyText)
        #expect(keys == ["zeta", "alpha", "mid"])
        #expect(root["alpha"]?.mark == Mark(line: 3, column: 3))
        #expect(root["alpha"]?.items?[1].mark == Mark(line: 4, column: 5))
        #expect(root["mid"]?.mark == Mark(line: 5, column: 6))
    }

    @Test("plain, quoted and block scalars keep their text and style")
    func scalarStyles() throws {
        let source = """
        plain: hello world
        single: 'it''s'
        double: "tab\\tend \\u00e9"
        literal: |
          line one
          line two
        folded: >-
          folded
          text
        number: 200
        quotedNumber: '200'
        """
        let root = try YAMLLoader.load(string: source)
        #expect(root["plain"]?.scalar == YAMLScalar("hello world"))
        #expect(root["single"]?.scalar == YAMLScalar("it's", style: .singleQuoted))
        #expect(root["double"]?.string == "tab\tend é")
        #expect(root["literal"]?.scalar == YAMLScalar("line one\nline two\n", style: .literal))
        #expect(root["folded"]?.scalar == YAMLScalar("folded text", style: .folded))
        #expect(root["number"]?.scalar?.int == 200)
        #expect(root["quotedNumber"]?.scalar?.int == nil)
        #expect(root["quotedNumber"]?.string == "200")
    }

    @Test("YAML 1.1 booleans and nulls are read from plain scalars only")
    func booleansAndNulls() throws {
        let root = try YAMLLoader.load(string: "a: true\nb: 'true'\nc: ~\nd:\ne: no\n")
        #expect(root["a"]?.scalar?.bool == true)
        #expect(root["b"]?.scalar?.bool == nil)
        #expect(root["c"]?.scalar?.isNull == true)
        #expect(root["d"]?.string == nil)
        #expect(root["e"]?.scalar?.bool == false)
    }

    @Test("flow collections, comments and unicode")
    func flowAndComments() throws {
        let root = try YAMLLoader.load(string: "# heading\nlist: [a, 'b', {k: v}] # trailing\nname: \"日本語 ✓\"\n")
        #expect(root["list"]?.items?.count == 3)
        #expect(root["list"]?.items?[2]["k"]?.string == "v")
        #expect(root["name"]?.string == "日本語 ✓")
    }

    @Test("anchors and aliases expand to copies of the anchored node")
    func aliases() throws {
        let root = try YAMLLoader.load(string: "base: &b {type: string, maxLength: 5}\nuse: *b\n")
        #expect(root["use"]?["maxLength"]?.scalar?.int == 5)
        #expect(root["use"]?["type"]?.string == "string")
    }

    @Test("a JSON document reads as YAML")
    func jsonDocument() throws {
        let root = try YAMLLoader.load(string: #"{"openapi": "3.0.0", "paths": {"/v1/x": {"get": {"operationId": "GetX"}}}, "n": [1, 2.5, null, false]}"#)
        #expect(root["openapi"]?.string == "3.0.0")
        #expect(root["paths"]?["/v1/x"]?["get"]?["operationId"]?.string == "GetX")
        #expect(root["n"]?.items?.map(\.kindName) == ["scalar", "scalar", "null", "scalar"])
    }

    @Test("a duplicate mapping key is an error at the second key")
    func duplicateKey() {
        #expect(throws: YAMLError(path: "dup.yaml", mark: Mark(line: 3, column: 3),
                                  message: "duplicate mapping key 'a' (first at 2:3)")) {
            try YAMLLoader.load(string: "top:\n  a: 1\n  a: 2\n", path: "dup.yaml")
        }
    }

    @Test("a duplicate key in a large mapping is found too, naming the first occurrence")
    func duplicateKeyInLargeMapping() {
        let keys = (1...60).map { "key\($0): \($0)" }.joined(separator: "\n")
        #expect(throws: YAMLError(path: "big.yaml", mark: Mark(line: 61, column: 1),
                                  message: "duplicate mapping key 'key7' (first at 7:1)")) {
            try YAMLLoader.load(string: keys + "\nkey7: again\n", path: "big.yaml")
        }
    }

    @Test("an alias to an unknown anchor is an error at the alias")
    func unknownAlias() {
        #expect(throws: YAMLError(path: "a.yaml", mark: Mark(line: 2, column: 6),
                                  message: "alias '*missing' refers to an unknown anchor")) {
            try YAMLLoader.load(string: "x: 1\ny: [ *missing ]\n", path: "a.yaml")
        }
    }

    @Test("malformed input reports libyaml's problem with path, line and column", arguments: [
        ("key: [unclosed\nnext: 1\n", 2, 5),
        ("a: 1\n  b: 2\n", 2, 4),
        ("a: \"unterminated\n", 2, 1),
        ("- item\nkey: value\n", 2, 1),
    ])
    func malformed(source: String, line: Int, column: Int) {
        do {
            _ = try YAMLLoader.load(string: source, path: "bad.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.path == "bad.yaml")
            #expect(error.mark == Mark(line: line, column: column), "\(error)")
            #expect(error.description.hasPrefix("bad.yaml:\(line):\(column): error: "))
        }
    }

    @Test("an empty document is an error, not a crash")
    func emptyDocument() {
        #expect(throws: YAMLError.self) { try YAMLLoader.load(string: "# only a comment\n") }
    }

    @Test("deep nesting does not overflow the stack")
    func deepNesting() throws {
        let depth = 5000
        let source = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var node = try YAMLLoader.load(string: source)
        var levels = 1
        while let inner = node.items?.first { node = inner; levels += 1 }
        #expect(levels == depth)
    }
}
