#if Emulator
import CheckoutEmulator
import Foundation
import StripeCheckout
import StripeRuntime
import Testing

/// The trimmed spec in this checkout, found from this file's place.
let checkoutSpecPath: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Specs/checkout.yaml").path

let testAPIKey = "sk_test_emulator_4242424242"

/// A client for `emulator` whose retries do not really wait, so fault tests stay fast.
func makeClient(
    _ emulator: CheckoutEmulator, apiKey: String = testAPIKey, maxNetworkRetries: Int = 2,
    timeout: Duration = .seconds(10), sleeps: SleepRecorder? = nil
) -> StripeClient {
    let configuration = StripeConfiguration(
        baseURL: emulator.baseURL, maxNetworkRetries: maxNetworkRetries, timeout: timeout,
        sleep: { duration in await sleeps?.record(duration) }
    )
    return StripeClient(apiKey: apiKey, apiVersion: StripeBindings.apiVersion, configuration: configuration)
}

/// Runs `body` against a fresh emulator on 127.0.0.1, stopping it afterwards.
func withEmulator<T>(
    _ configure: (inout EmulatorConfiguration) -> Void = { _ in },
    _ body: (CheckoutEmulator) async throws -> T
) async throws -> T {
    var configuration = EmulatorConfiguration(specPath: checkoutSpecPath)
    configure(&configuration)
    let emulator = try await CheckoutEmulator.start(configuration)
    do {
        let result = try await body(emulator)
        await emulator.stop()
        return result
    } catch {
        await emulator.stop()
        throw error
    }
}

/// Records the waits a client asked for instead of waiting.
actor SleepRecorder {
    private(set) var durations: [Duration] = []
    func record(_ duration: Duration) { durations.append(duration) }
}

/// A one-line payment session with inline price data: `quantity` × `unitAmount` cents.
func paymentParams(
    unitAmount: Int = 1500, quantity: Int = 2, reference: String? = nil, email: String? = nil
) -> CheckoutSessionsAPI.CreateParams {
    CheckoutSessionsAPI.CreateParams(
        clientReferenceID: reference,
        customerEmail: email,
        lineItems: [.init(
            priceData: .init(currency: "usd", productData: .init(name: "T-shirt"), unitAmount: unitAmount),
            quantity: quantity
        )],
        mode: .payment,
        successURL: "https://shop.example/ok?session_id={CHECKOUT_SESSION_ID}"
    )
}

/// Polls `condition` every 20 ms for at most `timeout`.
func eventually(timeout: Duration = .seconds(5), _ condition: () async -> Bool) async -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while clock.now < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return await condition()
}

/// Sends a raw request to the emulator and returns status, headers and body.
func rawRequest(
    _ emulator: CheckoutEmulator, _ method: HTTPMethod, _ path: String, body: String? = nil,
    headers: HTTPHeaders = [:]
) async throws -> HTTPResponse {
    let url = try #require(URL(string: emulator.baseURL.absoluteString + path))
    return try await URLSessionTransport().send(HTTPRequest(method: method, url: url, headers: headers, body: body.map { Data($0.utf8) }))
}
#endif
