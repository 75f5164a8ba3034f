import CorpusBindings
import Foundation
import StripeRuntime
import Testing

/// The workshop's operations sent through a scripted transport: methods, paths, queries and bodies.
@Suite struct ResourceCallTests {
    static func page(_ ids: [String], hasMore: Bool) -> String {
        let parts = ids.map { #"{"id": "\#($0)", "object": "widget_part", "quantity": 1}"# }
        return #"{"object": "list", "url": "/v1/widgets/wd_1/parts", "has_more": \#(hasMore), "data": [\#(parts.joined(separator: ","))]}"#
    }

    @Test func listFollowsTheCursorPageByPage() async throws {
        let transport = ScriptedTransport([Self.page(["wp_1", "wp_2"], hasMore: true), Self.page(["wp_3"], hasMore: false)])
        var ids: [String] = []
        for try await part in transport.client.widgets.listParts("wd_1", .init(limit: 2)) {
            ids.append(part.id)
        }
        #expect(ids == ["wp_1", "wp_2", "wp_3"])
        #expect(transport.requests.map(\.target) == [
            "/v1/widgets/wd_1/parts?limit=2",
            "/v1/widgets/wd_1/parts?limit=2&starting_after=wp_2",
        ])
        #expect(transport.requests.allSatisfy { $0.method == .get })
    }

    @Test func createUpdateRetrieveAndDeleteUseTheirMethodsAndPaths() async throws {
        let deleted = #"{"id": "wd_1", "object": "widget", "deleted": true}"#
        let transport = ScriptedTransport([CorpusFixtures.widget, CorpusFixtures.widget, CorpusFixtures.widget, deleted])
        let widgets = transport.client.widgets
        let created = try await widgets.create(.init(class: .someValue, metadata: ["k": "v"]))
        let updated = try await widgets.update("wd_1", .init(folder: .unset))
        let retrieved = try await widgets.retrieve("wd_1", .init(expand: [.folder, .maker]))
        let gone = try await widgets.delete("wd_1")
        #expect(created == updated)
        #expect(retrieved.id == "wd_1")
        #expect(gone.deleted == true)

        let requests = transport.requests
        #expect(requests.map(\.method) == [.post, .post, .get, .delete])
        #expect(requests.map(\.target) == [
            "/v1/widgets", "/v1/widgets/wd_1", "/v1/widgets/wd_1?expand[]=folder&expand[]=maker", "/v1/widgets/wd_1",
        ])
        #expect(requests.first?.headers["Stripe-Version"] == StripeBindings.apiVersion)
        #expect(requests.map { String(decoding: $0.body ?? Data(), as: UTF8.self) }.prefix(2)
                == ["class=some&metadata%5Bk%5D=v", "folder="])
    }

    @Test func aTooLongParamIsRejectedBeforeSending() async throws {
        let transport = ScriptedTransport([])
        await #expect {
            _ = try await transport.client.folders.create(.init(name: String(repeating: "n", count: 101)))
        } throws: { error in
            (error as? StripeError)?.param == "name"
        }
        #expect(transport.requests.isEmpty)
    }
}
