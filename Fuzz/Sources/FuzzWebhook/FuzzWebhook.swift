import Foundation
import FuzzDriver
@testable import StripeRuntime

private let secret = "whsec_fuzz_endpoint_secret"
private let now = Date(timeIntervalSince1970: 1_700_000_000)
private let verifier = WebhookVerifier(secret: secret, now: { now })
private let signer = WebhookSigner(secret: secret)

/// Parses arbitrary `Stripe-Signature` headers and verifies arbitrary header/payload pairs: a
/// value or a `WebhookVerificationError`, never a trap. Oracle: the payload signed by
/// `WebhookSigner` at `now` always verifies, and a header with its signature changed never does.
///
/// Input layout: the header up to the first newline, the payload after it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWebhook(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = [UInt8](UnsafeRawBufferPointer(start: start, count: count))
    let split = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
    let header = String(decoding: bytes[..<split], as: UTF8.self)
    let payload = Data(bytes[min(split + 1, bytes.count)...])

    _ = try? WebhookSignatureHeader(parsing: header)
    do {
        try verifier.verify(payload: payload, signatureHeader: header)
    } catch is WebhookVerificationError {
    } catch {
        fatalError("verify threw something other than a WebhookVerificationError: \(error)")
    }

    let signed = signer.header(for: payload, timestamp: now)
    guard (try? verifier.verify(payload: payload, signatureHeader: signed)) == payload else {
        fatalError("A payload signed with the endpoint secret did not verify: \(signed)")
    }
    let tampered = signed.dropLast() + (signed.last == "0" ? "1" : "0")
    if (try? verifier.verify(payload: payload, signatureHeader: String(tampered))) != nil {
        fatalError("A header with a changed signature verified: \(tampered)")
    }
    return 0
}

/// The executable's entry point (SwiftPM links `main` to it): libFuzzer's driver, feeding `fuzzWebhook`.
@_cdecl("FuzzWebhook_main")
func fuzzWebhookMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var (argc, argv) = (argc, argv)
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in data.map { fuzzWebhook($0, size) } ?? 0 }
}
