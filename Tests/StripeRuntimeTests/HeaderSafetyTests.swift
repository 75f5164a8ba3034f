import Foundation
import Testing
@testable import StripeRuntime

/// Header values are checked before any request leaves, and map keys that would make form names
/// ambiguous are rejected.
@Suite struct HeaderSafetyTests {
    private let key = "sk_test_51AbCdEfGhIjKlMnOpQr4242"

    private func create(_ options: RequestOptions, apiKey: String? = nil, params: SampleSessionParams? = nil) async -> (StripeError?, RecordingTransport) {
        let transport = RecordingTransport()
        let client = StripeClient(apiKey: apiKey ?? key, configuration: .testing(), transport: transport)
        do {
            _ = try await client.send(.post, "/v1/checkout/sessions",
                                      params: params ?? SampleSessionParams(clientReferenceID: "order_1"), options: options)
            return (nil, transport)
        } catch {
            return (error as? StripeError, transport)
        }
    }

    @Test(arguments: ["order_1\r\nX-Injected: 1", "order_1\n", "order\u{0}1", "order\u{7F}", "order\u{85}1", "tab\there"])
    func controlCharactersInTheIdempotencyKeyAreRejectedBeforeSending(value: String) async {
        let (error, transport) = await create(RequestOptions(idempotencyKey: value))
        #expect(error?.kind == .invalidParameter)
        #expect(error?.message.contains("Idempotency-Key") == true, "\(error?.message ?? "no error")")
        #expect(transport.requests.isEmpty, "nothing is sent")
    }

    @Test func controlCharactersInOtherHeadersAreRejectedAndTheKeyIsNotQuoted() async {
        let (account, accountTransport) = await create(RequestOptions(stripeAccount: "acct_1\r\nEvil: yes"))
        #expect(account?.message.contains("Stripe-Account") == true)
        #expect(accountTransport.requests.isEmpty)

        let secret = "sk_test_secret\nvalue_0000000001"
        let (auth, authTransport) = await create(RequestOptions(), apiKey: secret)
        #expect(auth?.message.contains("Authorization") == true)
        #expect(auth?.message.contains("secret") == false, "the key's text stays out of the message")
        #expect(authTransport.requests.isEmpty)
    }

    @Test func anIdempotencyKeyOfMoreThan255CharactersIsRejected() async {
        let (tooLong, transport) = await create(RequestOptions(idempotencyKey: String(repeating: "k", count: 256)))
        #expect(tooLong?.kind == .invalidParameter)
        #expect(tooLong?.message.contains("255") == true)
        #expect(transport.requests.isEmpty)
        let (fits, sent) = await create(RequestOptions(idempotencyKey: String(repeating: "k", count: 255)))
        #expect(fits == nil)
        #expect(sent.requests.count == 1)
    }

    @Test func headerSafeKeysKeepSafeTextAndHashTheRest() {
        #expect(IdempotencyKey.headerSafe("order_42-attempt-1") == "order_42-attempt-1")
        let long = String(repeating: "x", count: 400)
        let longKey = IdempotencyKey.headerSafe(long)
        #expect(longKey.count <= IdempotencyKey.maxLength)
        #expect(longKey == IdempotencyKey.headerSafe(long), "deterministic")
        #expect(longKey != IdempotencyKey.headerSafe(long + "y"), "the whole text counts, not just the kept beginning")
        // SHA-256 of "commande-é" computed independently with `printf '%s' 'commande-é' | sha256sum`.
        #expect(IdempotencyKey.headerSafe("commande-é") == "commande--f0b0143ca955119275a37c7bf48aab2db0a3dd9b0fa9f4ff0f3be714f355e8fe")
        for text in ["a\r\nb", "ordre n°5", "\u{0}", long, "日本語"] {
            let key = IdempotencyKey.headerSafe(text)
            #expect(key.count <= 255 && HeaderValueCheck.firstControlCharacter(in: key) == nil, "\(text)")
            #expect(key.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) }, "\(text)")
        }
    }

    @Test(arguments: ["a[b]", "a]", "[", ""])
    func mapKeysThatMakeNamesAmbiguousAreRejected(badKey: String) async throws {
        let params = SampleSessionParams(clientReferenceID: "order_1", metadata: ["fine": "1", badKey: "2"])
        let thrown = #expect(throws: StripeError.self) { _ = try FormEncoder().encode(params) }
        #expect(thrown?.kind == .invalidParameter)
        #expect(thrown?.param == "metadata")
        let (error, transport) = await create(RequestOptions(), params: params)
        #expect(error?.param == "metadata")
        #expect(transport.requests.isEmpty)
    }
}
