import Foundation
import FuzzDriver
@testable import CheckoutEmulator
@testable import StripeRuntime

/// Two checks on form bodies. The emulator's parser reads the raw input as a body without
/// trapping. And parameters built from the input, encoded by the runtime and read back by the
/// emulator, give the tree they were built from (the oracle); a map key the runtime rejects (empty,
/// or holding `[` or `]`) must be the reason whenever encoding fails.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFormRoundTrip(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = [UInt8](UnsafeRawBufferPointer(start: start, count: count))
    _ = try? FormTree.build(FormBody.parse(String(decoding: bytes, as: UTF8.self)))

    var reader = ByteReader(bytes: bytes)
    let params = FuzzParams.object(reader.object(depth: 0))
    let fields: [FormField]
    do {
        fields = try FormEncoder().encode(params)
    } catch let error as StripeError {
        guard params.hasAmbiguousMapKey else {
            fatalError("Encoding failed without an ambiguous map key: \(error)")
        }
        return 0
    }
    catch {
        fatalError("Encoding threw something other than a StripeError: \(error)")
    }
    guard !params.hasAmbiguousMapKey else { fatalError("An ambiguous map key was encoded: \(fields)") }
    let body = FormBody.serialize(fields)
    let parsed = FormBody.parse(body)
    guard parsed == fields else { fatalError("The body does not parse back to its fields: \(body)") }
    let tree: FormTree
    do {
        tree = try FormTree.build(parsed)
    } catch {
        fatalError("The emulator rejected an encoded body: \(error.param) in \(body)")
    }
    let expected = params.expectedTree ?? FormTree.empty
    guard tree == expected else { fatalError("Round trip changed the tree:\n\(tree)\nexpected\n\(expected)\nbody: \(body)") }
    return 0
}

/// Parameters shaped like Stripe's: objects with named fields, lists of objects, lists of
/// strings, string maps and strings.
indirect enum FuzzParams: Encodable {
    case text(String)
    case object([(String, FuzzParams)])
    case objects([[(String, FuzzParams)]])
    case texts([String])
    case map([String: String])

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .text(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .object(let fields):
            var container = encoder.container(keyedBy: NameKey.self)
            for (name, value) in fields { try container.encode(value, forKey: NameKey(stringValue: name)) }
        case .objects(let objects):
            var container = encoder.unkeyedContainer()
            for fields in objects { try container.encode(FuzzParams.object(fields)) }
        case .texts(let values):
            var container = encoder.singleValueContainer()
            try container.encode(values)
        case .map(let values):
            var container = encoder.singleValueContainer()
            try container.encode(values)
        }
    }

    /// Whether some map key is empty or holds a bracket.
    var hasAmbiguousMapKey: Bool {
        switch self {
        case .text, .texts: false
        case .object(let fields): fields.contains { $0.1.hasAmbiguousMapKey }
        case .objects(let objects): objects.contains { FuzzParams.object($0).hasAmbiguousMapKey }
        case .map(let values): values.keys.contains { $0.isEmpty || $0.utf8.contains(UInt8(ascii: "[")) || $0.utf8.contains(UInt8(ascii: "]")) }
        }
    }

    /// The tree the emulator must read back, or `nil` when nothing is written.
    var expectedTree: FormTree? {
        switch self {
        case .text(let value):
            return .value(value)
        case .object(let fields):
            let children = fields.compactMap { name, value in value.expectedTree.map { (key: name, tree: $0) } }
            return children.isEmpty ? nil : .object(children)
        case .objects(let objects):
            guard !objects.isEmpty else { return .value("") }
            let children = objects.enumerated().compactMap { index, fields in
                FuzzParams.object(fields).expectedTree.map { (key: String(index), tree: $0) }
            }
            return children.isEmpty ? nil : .object(children)
        case .texts(let values):
            return values.isEmpty ? .value("") : .list(values.map { .value($0) })
        case .map(let values):
            return .object(values.keys.sorted().map { (key: $0, tree: .value(values[$0] ?? "")) })
        }
    }
}

struct NameKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// Reads parameters out of the fuzz input, byte by byte; zero once the input runs out.
struct ByteReader {
    let bytes: [UInt8]
    var position = 0

    mutating func next() -> Int {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return Int(bytes[position])
    }

    mutating func text() -> String {
        let length = next() % 9
        var utf8: [UInt8] = []
        for _ in 0..<length { utf8.append(UInt8(next())) }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// A field name as code writes it: never empty, no brackets (compared by bytes: a bracket followed
    /// by a combining mark is one `Character` but still a bracket on the wire).
    mutating func name() -> String {
        let utf8 = Array(text().utf8).filter { $0 != UInt8(ascii: "[") && $0 != UInt8(ascii: "]") }
        return utf8.isEmpty ? "f\(position)" : String(decoding: utf8, as: UTF8.self)
    }

    mutating func object(depth: Int) -> [(String, FuzzParams)] {
        var fields: [(String, FuzzParams)] = []
        for _ in 0...(next() % 4) {
            let key = name()
            guard !fields.contains(where: { $0.0 == key }) else { continue }
            fields.append((key, value(depth: depth + 1)))
        }
        return fields
    }

    mutating func value(depth: Int) -> FuzzParams {
        switch next() % (depth >= 3 ? 2 : 5) {
        case 0: return .text(text())
        case 1: return depth >= 3 ? .texts((0..<(next() % 3)).map { _ in text() }) : .object(object(depth: depth))
        case 2: return .objects((0..<(next() % 3)).map { _ in object(depth: depth) })
        case 3: return .texts((0..<(next() % 3)).map { _ in text() })
        default:
            var map: [String: String] = [:]
            for _ in 0...(next() % 4) { map[text()] = text() }
            return .map(map)
        }
    }
}

/// The executable's entry point (SwiftPM links `main` to it): libFuzzer's driver, feeding `fuzzFormRoundTrip`.
@_cdecl("FuzzFormRoundTrip_main")
func fuzzFormRoundTripMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var (argc, argv) = (argc, argv)
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in data.map { fuzzFormRoundTrip($0, size) } ?? 0 }
}
