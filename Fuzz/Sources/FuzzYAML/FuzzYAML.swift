import Foundation
import FuzzDriver
@testable import SpecYAML

/// Loads arbitrary bytes as YAML: a tree or a `YAMLError`, never a trap; an error's line and
/// column lie inside the input. Oracle: a load in chunks (boundaries planned for 2 to 4 chunks,
/// from the first byte) that answers at all gives the sequential load's tree, marks and errors.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let input = UnsafeBufferPointer(start: start.assumingMemoryBound(to: UInt8.self), count: count)
    let sequential = Result { () throws(YAMLError) in try YAMLLoader.load(bytes: input, path: "fuzz.yaml", chunking: nil) }
    if case .failure(let error) = sequential {
        let lines = input.reduce(1) { $1 == UInt8(ascii: "\n") || $1 == UInt8(ascii: "\r") ? $0 + 1 : $0 }
        guard (1...lines + 1).contains(error.mark.line), (1...count + 1).contains(error.mark.column) else {
            fatalError("An error outside the input (\(lines) lines, \(count) bytes): \(error)")
        }
    }
    let chunks = 2 + Int(input.first ?? 0) % 3
    if let chunked = ChunkedLoad.load(input, path: "fuzz.yaml", options: ChunkedLoad.Options(minimumSize: 0, maximumChunks: chunks),
                                      processors: chunks) {
        guard chunked == sequential else {
            fatalError("The chunked load differs from the sequential one:\n\(chunked)\nvs\n\(sequential)")
        }
    }
    return 0
}

/// The executable's entry point (SwiftPM links `main` to it): libFuzzer's driver, feeding `fuzzYAML`.
@_cdecl("FuzzYAML_main")
func fuzzYAMLMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var (argc, argv) = (argc, argv)
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in data.map { fuzzYAML($0, size) } ?? 0 }
}
