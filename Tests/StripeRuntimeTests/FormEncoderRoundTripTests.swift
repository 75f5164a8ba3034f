import Foundation
import Testing
@testable import StripeRuntime

/// Property-style check: for many random nested parameter trees, parsing the encoded body gives
/// back exactly the pairs the tree should produce, in order.
@Suite struct FormEncoderRoundTripTests {
    /// A random parameter tree that knows which pairs it must encode to.
    indirect enum Tree: Encodable {
        case text(String)
        case object([(String, Tree)])
        case objects([Tree])
        case texts([String])
        case map([String: String])

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .text(let value):
                var container = encoder.singleValueContainer()
                try container.encode(value)
            case .object(let fields):
                var container = encoder.container(keyedBy: DynamicKey.self)
                for (key, value) in fields { try container.encode(value, forKey: DynamicKey(key)) }
            case .objects(let values):
                var container = encoder.unkeyedContainer()
                for value in values { try container.encode(value) }
            case .texts(let values):
                var container = encoder.singleValueContainer()
                try container.encode(values)
            case .map(let values):
                var container = encoder.singleValueContainer()
                try container.encode(values)
            }
        }

        /// The pairs this tree must flatten to under `name`.
        func expected(_ name: String) -> [FormField] {
            func join(_ key: String) -> String { name.isEmpty ? key : "\(name)[\(key)]" }
            switch self {
            case .text(let value): return [FormField(name: name, value: value)]
            case .object(let fields): return fields.flatMap { key, value in value.expected(join(key)) }
            case .objects(let values):
                if values.isEmpty { return [FormField(name: name, value: "")] }
                return values.enumerated().flatMap { index, value in value.expected("\(name)[\(index)]") }
            case .texts(let values):
                if values.isEmpty { return [FormField(name: name, value: "")] }
                return values.map { FormField(name: "\(name)[]", value: $0) }
            case .map(let values):
                return values.keys.sorted().map { FormField(name: join($0), value: values[$0] ?? "") }
            }
        }
    }

    struct DynamicKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    private static let alphabet = Array("abcXYZ019 -._~!*'();:@&=+$,/?#[]%{}\"<>é€😀")
    /// Keys never hold brackets: the encoder rejects those, since they make names ambiguous.
    private static let keyAlphabet = alphabet.filter { $0 != "[" && $0 != "]" }

    private func randomText(_ rng: inout SeededGenerator, allowEmpty: Bool = true) -> String {
        let length = Int.random(in: (allowEmpty ? 0 : 1)...8, using: &rng)
        return String((0..<length).map { _ in Self.alphabet.randomElement(using: &rng) ?? "a" })
    }

    private func randomKey(_ rng: inout SeededGenerator) -> String {
        String((0..<Int.random(in: 1...8, using: &rng)).map { _ in Self.keyAlphabet.randomElement(using: &rng) ?? "a" })
    }

    private func randomObject(_ rng: inout SeededGenerator, depth: Int) -> Tree {
        var fields: [(String, Tree)] = []
        var used = Set<String>()
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let key = randomKey(&rng)
            guard used.insert(key).inserted else { continue }
            fields.append((key, randomValue(&rng, depth: depth + 1)))
        }
        return .object(fields)
    }

    private func randomValue(_ rng: inout SeededGenerator, depth: Int) -> Tree {
        let choice = depth >= 3 ? Int.random(in: 0...1, using: &rng) * 3 : Int.random(in: 0...4, using: &rng)
        switch choice {
        case 0: return .text(randomText(&rng))
        case 1: return randomObject(&rng, depth: depth)
        case 2: return .objects((0..<Int.random(in: 0...3, using: &rng)).map { _ in randomObject(&rng, depth: depth) })
        case 3: return .texts((0..<Int.random(in: 0...3, using: &rng)).map { _ in randomText(&rng) })
        default:
            var map: [String: String] = [:]
            for _ in 0..<Int.random(in: 1...4, using: &rng) { map[randomKey(&rng)] = randomText(&rng) }
            return .map(map)
        }
    }

    @Test(arguments: [1, 7, 42, 2023, 99_991])
    func parsingTheEncodedBodyGivesBackTheSamePairs(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<200 {
            let tree = randomObject(&rng, depth: 0)
            let body = try FormEncoder().encodeBody(tree)
            #expect(FormBody.parse(body) == tree.expected(""), "body: \(body)")
            #expect(!body.contains(" ") && !body.contains("[") && !body.contains("{"))
        }
    }
}
