import Foundation
import Testing
@testable import SpecYAML

/// Chunked loading must give the sequential load's tree, marks and errors, wherever the boundaries fall.
@Suite("Loading large documents in chunks")
struct ChunkedLoadTests {
    /// The chunked load's outcome with chunks starting at the given byte offsets (each moved to the first boundary
    /// line at or after it), or nil when it declined and the sequential load would run.
    static func chunked(_ source: String, at offsets: [Int]) -> Result<YAMLNode, YAMLError>? {
        Array(source.utf8).withUnsafeBufferPointer { input in
            var boundaries: [ChunkBoundary] = []
            for offset in offsets {
                guard let boundary = ChunkPlan.boundary(in: input, from: max(offset, 1)),
                      boundary.offset > (boundaries.last?.offset ?? 0) else { continue }
                boundaries.append(boundary)
            }
            guard let numbered = ChunkPlan.numbered(boundaries, in: input) else { return nil }
            return ChunkedLoad.load(input, path: "c.yaml", boundaries: numbered)
        }
    }

    /// The offsets of every line that looks like a boundary.
    static func candidates(_ source: String) -> [Int] {
        Array(source.utf8).withUnsafeBufferPointer { input in
            var offsets: [Int] = []
            while let boundary = ChunkPlan.boundary(in: input, from: (offsets.last ?? 0) + 1) {
                offsets.append(boundary.offset)
            }
            return offsets
        }
    }

    static func sequential(_ source: String) -> Result<YAMLNode, YAMLError> {
        Result { () throws(YAMLError) in try YAMLLoader.load(bytes: Array(source.utf8), path: "c.yaml", chunking: nil) }
    }

    /// Loads `source` split at each candidate line and at each pair of them (every `pairStride`-th), and expects the
    /// sequential outcome each time it does not decline; returns how many loads did not decline.
    @discardableResult
    static func expectSameEverywhere(_ source: String, pairStride: Int = 3,
                                     sourceLocation: SourceLocation = #_sourceLocation) -> (splits: Int, loads: Int) {
        let expected = sequential(source)
        let offsets = candidates(source)
        var splits: [[Int]] = offsets.map { [$0] }
        for (index, first) in offsets.enumerated() where index % pairStride == 0 {
            for second in offsets[(index + 1)...] { splits.append([first, second]) }
        }
        var loads = 0
        for split in splits {
            guard let actual = chunked(source, at: split) else { continue }
            loads += 1
            switch (actual, expected) {
            case (.success(let actual), .success(let expected)):
                #expect(actual == expected, "split at \(split)", sourceLocation: sourceLocation)
            case (.failure(let actual), .failure(let expected)):
                #expect(actual == expected, "split at \(split)", sourceLocation: sourceLocation)
            default:
                Issue.record("split at \(split): \(actual), sequentially \(expected)", sourceLocation: sourceLocation)
            }
        }
        return (splits.count, loads)
    }

    /// A spec-like document: schemas at indent 4 under `components:`, paths at indent 2, keys after both.
    static func spec(schemas: Int = 12, paths: Int = 12, extraPath: String = "") -> String {
        var lines = ["components:", "  schemas:"]
        for index in 0..<schemas {
            lines += ["    schema\(index):", "      description: Schema \(index)", "      properties:",
                      "        id:", "          type: string", "        count: {type: integer, format: int64}",
                      "      required: [id,", "        count]", "      type: object"]
        }
        lines += ["  securitySchemes:", "    basic: {type: http}", "info:", "  title: T", "openapi: 3.0.0", "paths:"]
        for index in 0..<paths {
            lines += ["  # path \(index)", "  /v1/thing\(index): # trailing comment", "    get:",
                      "      operationId: Get\(index)", "      responses:", "        '200':",
                      "          description: ok"]
            if index == paths / 2 { lines.append(extraPath) }
        }
        lines += ["security:", "  - basicAuth: []", "servers:", "  - url: 'https://api.example.com/'", ""]
        return lines.joined(separator: "\n")
    }

    @Test("the planned split loads the sequential tree and marks", arguments: [2, 3, 4])
    func plannedSplit(chunks: Int) throws {
        let source = Self.spec(schemas: 40, paths: 40)
        let result = Array(source.utf8).withUnsafeBufferPointer { input in
            ChunkedLoad.load(input, path: "c.yaml", options: ChunkedLoad.Options(minimumSize: 0, maximumChunks: 4),
                             processors: chunks)
        }
        let loaded = try #require(result)
        #expect(try loaded.get() == Self.sequential(source).get())
        // The public entry point with its default options agrees too.
        #expect(try YAMLLoader.load(string: source, path: "c.yaml") == Self.sequential(source).get())
    }

    @Test("a split at any key at indent 2 or 4 loads the sequential tree and marks")
    func everySplit() {
        let source = Self.spec()
        let (splits, loads) = Self.expectSameEverywhere(source)
        #expect(loads == splits, "every boundary line of this document starts a key, so no split is declined")
        #expect(Set(Self.candidates(source).compactMap { offset in
            Array(source.utf8).withUnsafeBufferPointer { ChunkPlan.boundary(in: $0, from: offset)?.indent }
        }) == [2, 4])
    }

    @Test("a key repeated across a boundary is the sequential load's duplicate key error")
    func duplicateAcrossBoundary() {
        let source = Self.spec(extraPath: "  /v1/thing1:\n    post: {}")
        guard case .failure(let error) = Self.sequential(source) else {
            Issue.record("expected a duplicate key")
            return
        }
        #expect(error.message.hasPrefix("duplicate mapping key '/v1/thing1'"))
        let (_, loads) = Self.expectSameEverywhere(source)
        #expect(loads > 0)
    }

    @Test("a schema name repeated across a boundary at indent 4 is the sequential load's error")
    func duplicateSchemaAcrossBoundary() {
        let source = Self.spec().replacingOccurrences(of: "    schema9:", with: "    schema2:")
        guard case .failure = Self.sequential(source) else {
            Issue.record("expected a duplicate key")
            return
        }
        Self.expectSameEverywhere(source)
    }

    @Test("a syntax error in a later chunk is reported at the sequential load's line and column", arguments: [
        "      parameters: [unclosed",
        "   three: spaces",
        "      x: \"unterminated",
        "      y: *unknownAlias",
    ])
    func syntaxErrorLater(line: String) {
        let source = Self.spec(extraPath: line)
        guard case .failure = Self.sequential(source) else {
            Issue.record("expected an error")
            return
        }
        Self.expectSameEverywhere(source)
    }

    @Test("an alias to an anchor in an earlier chunk expands as in the sequential load")
    func aliasAcrossBoundary() throws {
        let source = Self.spec(extraPath: "    x-shared: *shared").replacingOccurrences(
            of: "    basic: {type: http}", with: "    basic: &shared {type: http}")
        _ = try Self.sequential(source).get()
        let (_, loads) = Self.expectSameEverywhere(source)
        #expect(loads > 0)
    }

    /// Lines inside scalars and flow collections that look like keys at indent 2 and 4.
    static let tricky = """
    a: 1
    literal: |
      looks: like a key
      and: another
        deeper: one
    folded: >
      folded: text
    indicated: |4
        four: spaces
    plain: first line
      second line
      third
    double: "starts here
      quoted: still
      ends"
    single: 'one
      two: three'
    flow: [x,
      y, {k: v,
      k2: v2}]
    flowmap: {
      inside: 1,
      also: [2,
        3]}
    nested:
      # a comment at indent 2
      inner: |
        text: body
      next: 2
      # another comment
      last:
        deep: |
          block
        after: 3
    # a comment at the top
    tail: end

    """

    @Test("key-like lines in block, quoted and plain scalars, flow collections and comments never split wrongly")
    func trickyLines() throws {
        _ = try Self.sequential(Self.tricky).get()
        let (_, loads) = Self.expectSameEverywhere(Self.tricky, pairStride: 1)
        #expect(loads > 0, "the real keys under `nested:` split")
    }

    @Test("a second document is never joined to the first, wherever the split falls")
    func secondDocument() throws {
        let source = "a:\n  b: 1\n  c: 2\n---\nd:\n  e: 3\n  f: 4\n...\n"
        _ = try Self.sequential(source).get()
        Self.expectSameEverywhere(source, pairStride: 1)
    }

    @Test("CR LF line ends split like line feeds; a lone CR is declined")
    func carriageReturns() {
        let crlf = Self.spec().replacingOccurrences(of: "\n", with: "\r\n")
        let (splits, loads) = Self.expectSameEverywhere(crlf)
        #expect(loads == splits)
        let lone = Self.spec().replacingOccurrences(of: "      type: object\n", with: "      type: object\r")
        #expect(Self.chunked(lone, at: [lone.utf8.count * 3 / 4]) == nil)
    }

    @Test("Stripe's full spec loads to the same tree in chunks as sequentially")
    func fullSpec() throws {
        guard let folder = ProcessInfo.processInfo.environment["STRIPE_SHARED_DATA"] else {
            print("skipped: set STRIPE_SHARED_DATA to the folder holding spec3-2023-08-16.yaml")
            return
        }
        let path = folder + "/spec3-2023-08-16.yaml"
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let sequential = try YAMLLoader.load(bytes: bytes, path: path, chunking: nil)
        for processors in [2, 3, 4] {
            let chunked = Array(bytes).withUnsafeBufferPointer { input in
                ChunkedLoad.load(input, path: path, processors: processors)
            }
            let tree = try #require(chunked, "\(processors) chunks declined").get()
            #expect(tree == sequential, "\(processors) chunks")
        }
    }
}
