import Foundation
import FuzzDriver
import StripeSpec

/// Loads mutated specs (seeded from `Specs/checkout.yaml` and small specs of our own): a spec with
/// diagnostics or a `SpecError`, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSpec(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let input = UnsafeBufferPointer(start: start.assumingMemoryBound(to: UInt8.self), count: count)
    do {
        let loaded = try SpecLoader.load(bytes: input, path: "fuzz.yaml")
        _ = loaded.warnings.map(\.description)
        _ = loaded.document.operations.count
    } catch {
        _ = error.description
    }
    return 0
}

/// The executable's entry point (SwiftPM links `main` to it): libFuzzer's driver, feeding `fuzzSpec`.
@_cdecl("FuzzSpec_main")
func fuzzSpecMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var (argc, argv) = (argc, argv)
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in data.map { fuzzSpec($0, size) } ?? 0 }
}
