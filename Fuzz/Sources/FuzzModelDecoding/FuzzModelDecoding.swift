import Foundation
import FuzzDriver
import StripeCheckout
import StripeRuntime

/// Decodes the generated `CheckoutSession` and `WebhookEvent` from arbitrary bytes (seeded with
/// sessions and events): a value or a `DecodingError`, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzModelDecoding(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    let decoder = JSONDecoder()
    check { _ = try decoder.decode(CheckoutSession.self, from: data) }
    check { _ = try decoder.decode(WebhookEvent.self, from: data) }
    check { _ = try decoder.decode(ListPage<CheckoutSession>.self, from: data) }
    return 0
}

private func check(_ decode: () throws -> Void) {
    do {
        try decode()
    } catch is DecodingError {
    } catch {
        fatalError("Decoding threw something other than a DecodingError: \(error)")
    }
}

/// The executable's entry point (SwiftPM links `main` to it): libFuzzer's driver, feeding `fuzzModelDecoding`.
@_cdecl("FuzzModelDecoding_main")
func fuzzModelDecodingMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var (argc, argv) = (argc, argv)
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in data.map { fuzzModelDecoding($0, size) } ?? 0 }
}
