import CorpusBindings
import Foundation
import StripeRuntime
import Testing

/// The workshop's PUT, PATCH and HEAD operations, compiled and sent: each with its own method, PUT and PATCH with a
/// form body and an idempotency key as POST has, HEAD with nothing to decode.
@Suite struct HTTPMethodCallTests {
    @Test func putAndPatchSendTheirParamsAsAFormBody() async throws {
        let transport = ScriptedTransport([CorpusFixtures.widget, CorpusFixtures.widget])
        let widgets = transport.client.widgets
        let replaced = try await widgets.putWidgetsWidget("wd_1", .init(class: .someValue, metadata: ["k": "v"]))
        let archived = try await widgets.archive("wd_1", .init(reason: "worn out"))
        #expect(replaced == archived)
        #expect(replaced.id == "wd_1")

        let requests = transport.requests
        #expect(requests.map(\.method) == [.put, .patch])
        #expect(requests.map(\.method.rawValue) == ["PUT", "PATCH"])
        #expect(requests.map(\.target) == ["/v1/widgets/wd_1", "/v1/widgets/wd_1/archive"])
        #expect(requests.map { String(decoding: $0.body ?? Data(), as: UTF8.self) }
                == ["class=some&metadata%5Bk%5D=v", "reason=worn%20out"])
        #expect(requests.allSatisfy { $0.headers["Content-Type"] == "application/x-www-form-urlencoded" })
        #expect(requests.allSatisfy { $0.headers["Idempotency-Key"] != nil })
    }

    @Test func headReturnsTheAnswersHeaders() async throws {
        let transport = ScriptedTransport([""])
        let headers: HTTPHeaders = try await transport.client.widgets.head("wd_1")
        #expect(headers["Content-Type"] == "application/json")
        let request = try #require(transport.requests.first)
        #expect(request.method == .head)
        #expect(request.target == "/v1/widgets/wd_1")
        #expect(request.body == nil)
    }

    @Test func aPatchParamOverItsLimitIsRejectedBeforeSending() async throws {
        let transport = ScriptedTransport([])
        await #expect {
            _ = try await transport.client.widgets.archive("wd_1", .init(reason: String(repeating: "r", count: 101)))
        } throws: { error in
            (error as? StripeError)?.param == "reason"
        }
        #expect(transport.requests.isEmpty)
    }
}
