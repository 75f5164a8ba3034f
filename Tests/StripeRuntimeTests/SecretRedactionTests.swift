import Foundation
import Logging
import Testing
@testable import StripeRuntime

/// A log handler that keeps every rendered line.
private struct CapturingLogHandler: LogHandler {
    let lines: Recorder<String>
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let rendered = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        lines.append("\(event.level) \(event.message) \(rendered)")
    }
}

@Suite struct SecretRedactionTests {
    private let key = "sk_live_51HqLyjWDarjtT1zdp7dcXXXXsecretTAIL"

    @Test(arguments: [
        ("sk_test_4eC39HqLyjWDarjtT1zdp7dc", "sk_test_…p7dc"),
        ("sk_live_51HqLyjWDarjtT1zdp7dcXXXXsecretTAIL", "sk_live_…TAIL"),
        ("rk_test_abcdefghijklmnop1234", "rk_test_…1234"),
        ("whsec_abcdefghijklmnopqrst", "whsec_…qrst"),
        ("short", "…"),
        ("sk_test_tiny", "sk_test_…"),
    ])
    func redactionKeepsPrefixAndLastFour(key: String, expected: String) {
        #expect(SecretKey.redact(key) == expected)
    }

    @Test func clientDescriptionsAndDumpHideTheKey() {
        let client = StripeClient(apiKey: key, configuration: .testing(), transport: RecordingTransport())
        var dumped = ""
        dump(client, to: &dumped)
        let options = RequestOptions(apiKey: key)
        var dumpedOptions = ""
        dump(options, to: &dumpedOptions)
        for text in ["\(client)", String(reflecting: client), dumped, "\(options)", String(reflecting: options), dumpedOptions] {
            #expect(!text.contains(key), "leaked in: \(text)")
            #expect(!text.contains("secretTAIL"))
            #expect(text.contains("sk_live_…TAIL"))
        }
        #expect(client.redactedAPIKey == "sk_live_…TAIL")
    }

    @Test func logsShowRequestsButNeverTheKey() async throws {
        let lines = Recorder<String>()
        var configuration = StripeConfiguration.testing()
        configuration.logger = Logger(label: "test") { _ in CapturingLogHandler(lines: lines) }
        let transport = RecordingTransport([
            .success(.json(500, "{}", headers: ["Request-Id": "req_first"])),
            .success(.json(200, #"{"id":"cs_1"}"#, headers: ["Request-Id": "req_second"])),
        ])
        let client = StripeClient(apiKey: key, configuration: configuration, transport: transport)
        let _: SampleSession = try await client.perform(.post, "/v1/checkout/sessions", params: SampleSessionParams(), options: .init())
        let log = lines.values.joined(separator: "\n")
        #expect(!log.contains(key) && !log.contains("secretTAIL"))
        #expect(log.contains("method=POST") && log.contains("path=/v1/checkout/sessions"))
        #expect(log.contains("status=500") && log.contains("request_id=req_first"))
        #expect(log.contains("Retrying") && log.contains("retry=1"))
        #expect(log.contains("status=200") && log.contains("request_id=req_second"))
    }

    @Test func errorsEchoingTheKeyAreRedacted() async throws {
        let body = #"{"error":{"type":"authentication_error","message":"Invalid API Key provided: \#(key)"}}"#
        let transport = RecordingTransport([
            .success(.json(401, body)),
            .failure(.connection("could not reach host with Bearer \(key)")),
        ])
        let client = StripeClient(apiKey: key, configuration: .testing(maxNetworkRetries: 0), transport: transport)
        for _ in 0..<2 {
            let error = await #expect(throws: StripeError.self) {
                let _: SampleSession = try await client.perform(.get, "/v1/customers", params: NoParams(), options: .init())
            }
            let text = "\(String(describing: error)) \(error?.message ?? "")"
            #expect(!text.contains(key), "leaked in: \(text)")
            #expect(text.contains("sk_live_…TAIL"))
        }
    }
}
