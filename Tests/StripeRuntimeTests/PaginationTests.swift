import Foundation
import Testing
@testable import StripeRuntime

@Suite struct PaginationTests {
    /// A transport serving three pages of a session list, keyed by `starting_after`.
    private func pagedTransport() -> RecordingTransport {
        RecordingTransport(fallback: { request in
            let query = FormBody.parse(request.url.query ?? "")
            let cursor = query.first { $0.name == "starting_after" }?.value
            let body = switch cursor {
            case nil: #"{"object":"list","url":"/v1/checkout/sessions","has_more":true,"data":[{"id":"cs_1"},{"id":"cs_2"}]}"#
            case "cs_2": #"{"object":"list","url":"/v1/checkout/sessions","has_more":true,"data":[{"id":"cs_3"},{"id":"cs_4"}]}"#
            case "cs_4": #"{"object":"list","url":"/v1/checkout/sessions","has_more":false,"data":[{"id":"cs_5"}]}"#
            default: #"{"error":{"type":"invalid_request_error","message":"unexpected cursor"}}"#
            }
            return .json(cursor.map { ["cs_2", "cs_4"].contains($0) } == false ? 400 : 200, body)
        })
    }

    /// What a generated `list` method does.
    private func list(_ client: StripeClient, _ params: SampleListParams) -> AutoPagingSequence<SampleSession> {
        AutoPagingSequence { cursor in
            var page = params
            if let cursor { page.startingAfter = cursor }
            return try await client.perform(.get, "/v1/checkout/sessions", params: page, options: RequestOptions())
        }
    }

    @Test func walksAllThreePagesWithCursors() async throws {
        let transport = pagedTransport()
        let client = StripeClient(apiKey: "sk_test_000000000000000000000000", configuration: .testing(), transport: transport)
        var ids: [String] = []
        for try await session in list(client, SampleListParams(limit: 2)) {
            ids.append(session.id)
        }
        #expect(ids == ["cs_1", "cs_2", "cs_3", "cs_4", "cs_5"])
        let cursors = transport.requests.map { request in
            FormBody.parse(request.url.query ?? "").first { $0.name == "starting_after" }?.value
        }
        #expect(cursors == [nil, "cs_2", "cs_4"])
        #expect(transport.requests.allSatisfy { $0.url.query?.contains("limit=2") == true })
    }

    @Test func fetchesLazily() async throws {
        let transport = pagedTransport()
        let client = StripeClient(apiKey: "sk_test_000000000000000000000000", configuration: .testing(), transport: transport)
        let sequence = list(client, SampleListParams(limit: 2))
        #expect(transport.requests.isEmpty, "nothing is fetched before iteration")
        var iterator = sequence.makeAsyncIterator()
        _ = try await iterator.next()
        _ = try await iterator.next()
        #expect(transport.requests.count == 1, "the second page waits until the first is used up")
        #expect(try await iterator.next()?.id == "cs_3")
        #expect(transport.requests.count == 2)
    }

    @Test func stopsOnEmptyPageEvenIfHasMoreIsTrue() async throws {
        let calls = Recorder<String?>()
        let sequence = AutoPagingSequence<SampleSession> { cursor in
            calls.append(cursor)
            return cursor == nil ? ListPage(data: [SampleSession(id: "cs_1")], hasMore: true) : ListPage(data: [], hasMore: true)
        }
        var ids: [String] = []
        for try await item in sequence { ids.append(item.id) }
        #expect(ids == ["cs_1"])
        #expect(calls.values == [nil, "cs_1"])
    }

    @Test func errorsPropagateFromAPage() async throws {
        let sequence = AutoPagingSequence<SampleSession> { cursor in
            if cursor == nil { return ListPage(data: [SampleSession(id: "cs_1")], hasMore: true) }
            throw StripeError.connection("gone")
        }
        var iterator = sequence.makeAsyncIterator()
        #expect(try await iterator.next()?.id == "cs_1")
        await #expect(throws: StripeError.self) { _ = try await iterator.next() }
    }

    @Test func listPageDecodesWireKeys() throws {
        let page = try JSONDecoder().decode(ListPage<SampleSession>.self, from: Data(#"{"object":"list","url":"/v1/x","has_more":true,"data":[{"id":"a"}]}"#.utf8))
        #expect(page.hasMore && page.url == "/v1/x" && page.object == "list" && page.data.map(\.id) == ["a"])
    }

    @Test func walksBackwardsWithEndingBeforeTheFirstIDOfEachPage() async throws {
        // Stripe lists newest first (cs_9 … cs_1); pages before a cursor keep that order.
        let newestFirst = (1...9).reversed().map { "cs_\($0)" }
        let calls = Recorder<String?>()
        let sequence = AutoPagingSequence<SampleSession>(backward: true) { cursor in
            calls.append(cursor)
            let end = newestFirst.firstIndex(of: cursor ?? "cs_3") ?? 0
            let start = max(0, end - 2)
            let data = newestFirst[start..<end].map { SampleSession(id: $0) }
            return ListPage(data: data, hasMore: start > 0)
        }
        var ids: [String] = []
        for try await session in sequence { ids.append(session.id) }
        #expect(calls.values == [nil, "cs_5", "cs_7"], "ending_before is the first id of the page before")
        #expect(ids == ["cs_4", "cs_5", "cs_6", "cs_7", "cs_8", "cs_9"], "each page reversed: moving away from the cursor")
    }
}
