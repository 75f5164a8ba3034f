import Testing
@testable import SpecYAML

@Suite("Emitting YAML")
struct EmitterTests {
    @Test("emitting a loaded tree and loading it again gives the same tree")
    func roundTrip() throws {
        let source = """
        paths:
          /v1/x:
            get:
              responses:
                '200':
                  description: ok
        list: [a, 'true', '', "é ✓", {k: v}]
        text: |
          two
          lines
        count: 5000
        """
        let tree = try YAMLLoader.load(string: source)
        let emitted = try YAMLEmitter.emit(tree)
        let again = try YAMLLoader.load(string: emitted)
        #expect(strip(again) == strip(tree))
        #expect(again["paths"]?["/v1/x"]?["get"]?["responses"]?["200"]?["description"]?.string == "ok")
        #expect(again["list"]?.items?[1].scalar?.bool == nil, "a quoted 'true' must stay a string")
        #expect(again["count"]?.scalar?.int == 5000)
    }

    @Test("emitting is deterministic and uses block style")
    func deterministic() throws {
        let tree = YAMLNode.mapping([
            YAMLPair(key: .string("b"), value: .sequence([.string("x"), .string("y")])),
            YAMLPair(key: .string("a"), value: .string("200", style: .singleQuoted)),
        ])
        let first = try YAMLEmitter.emit(tree)
        #expect(first == (try YAMLEmitter.emit(tree)))
        #expect(first == "b:\n- x\n- y\na: '200'\n")
    }

    /// The tree without marks, so trees read from different text compare by content.
    private func strip(_ node: YAMLNode) -> YAMLNode {
        switch node.content {
        case .scalar(let scalar): return YAMLNode(.scalar(YAMLScalar(scalar.text)))
        case .sequence(let items): return .sequence(items.map(strip))
        case .mapping(let pairs): return .mapping(pairs.map { YAMLPair(key: strip($0.key), value: strip($0.value)) })
        }
    }
}
