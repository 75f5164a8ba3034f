import Foundation
import FuzzDriver
@testable import StripeRuntime

/// Feeds an HTTP answer made from the fuzz input (status, headers, body) into the client's
/// response path: retries, `Retry-After`, error decoding and body decoding must give a value or a
/// `StripeError`, never a trap.
///
/// Input layout: two bytes of status (mapped into 100...599), header lines up to an empty line
/// (`Name: value`), then the body.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTPResponse(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = [UInt8](UnsafeRawBufferPointer(start: start, count: count))
    let response = FuzzResponse.parse(bytes)

    // The pieces on their own.
    _ = RetryDecision.retryAfter(response.headers, now: Date(timeIntervalSince1970: 1_700_000_000))
    _ = RetryDecision.shouldRetry(status: response.status, headers: response.headers)
    let error = StripeError.api(status: response.status, headers: response.headers, body: response.body)
    _ = error.description

    // The whole path, through a transport that always answers with the input.
    let transport = FixedAnswerTransport(response: response)
    let client = StripeClient(
        apiKey: "sk_test_fuzz_0000000000000000",
        configuration: StripeConfiguration(
            baseURL: URL(string: "https://api.stripe.test")!, maxNetworkRetries: 2,
            sleep: { _ in }, random: { 0.5 }
        ),
        transport: transport
    )
    let done = DispatchSemaphore(value: 0)
    Task {
        do {
            let value: ListPage<FuzzObject> = try await client.perform(.get, "/v1/checkout/sessions", params: NoParams())
            _ = value.data.count
        } catch let failure as StripeError {
            _ = failure.description
        } catch {
            fatalError("The client threw something other than a StripeError: \(error)")
        }
        done.signal()
    }
    done.wait()
    return 0
}

/// An object with an id, as list pages carry.
struct FuzzObject: Decodable, Sendable, StripeIdentifiable {
    let id: String
    let extra: JSONValue?
}

/// A transport that answers every request with the same response.
struct FixedAnswerTransport: HTTPTransport {
    let response: HTTPResponse
    func send(_ request: HTTPRequest) async throws -> HTTPResponse { response }
}

enum FuzzResponse {
    static func parse(_ bytes: [UInt8]) -> HTTPResponse {
        guard bytes.count >= 2 else { return HTTPResponse(status: 200, headers: [:], body: Data(bytes)) }
        let status = 100 + (Int(bytes[0]) << 8 | Int(bytes[1])) % 500
        var headers = HTTPHeaders()
        var index = 2
        var line: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            guard byte == UInt8(ascii: "\n") else { line.append(byte); continue }
            if line.isEmpty { break }
            let text = String(decoding: line, as: UTF8.self)
            if let colon = text.firstIndex(of: ":") {
                headers.add(name: String(text[..<colon]), value: String(text[text.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
            }
            line = []
        }
        return HTTPResponse(status: status, headers: headers, body: Data(bytes[min(index, bytes.count)...]))
    }
}

/// The executable's entry point (SwiftPM links `main` to it): libFuzzer's driver, feeding `fuzzHTTPResponse`.
@_cdecl("FuzzHTTPResponse_main")
func fuzzHTTPResponseMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var (argc, argv) = (argc, argv)
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in data.map { fuzzHTTPResponse($0, size) } ?? 0 }
}
