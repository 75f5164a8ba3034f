import CodegenOutput
import Foundation
import StripeCodegen
import Testing

/// Method and accessor names derived from path shapes.
@Suite struct ResourceNamingTests {
    let files: [GeneratedFile]
    let widgets: String

    init() throws {
        files = try Generation.files(InlineSpecs.widgetResources)
        widgets = try Generation.file("Resources/WidgetsAPI.swift", in: files)
    }

    /// `(name, http method, path template)` of each method in the file, in order.
    private func methods(_ text: String) -> [String] {
        let lines = text.components(separatedBy: "\n")
        var result: [String] = []
        for (index, line) in lines.enumerated() where line.hasPrefix("    public func ") {
            let name = line.dropFirst("    public func ".count).prefix { $0 != "(" }
            let call = index + 1 < lines.count ? lines[index + 1].trimmingCharacters(in: .whitespaces) : ""
            if call.hasPrefix("try await client.perform(") {
                let parts = call.dropFirst("try await client.perform(".count).components(separatedBy: ", ")
                result.append("\(name) \(parts[0]) \(parts[1])")
            } else {
                result.append("\(name) -> \(call)")
            }
        }
        return result
    }

    @Test func methodsAreNamedFromThePathShape() {
        #expect(methods(widgets) == [
            "listPage .get \"/v1/widgets\"",
            "list -> AutoPagingSequence { cursor in",
            "create .post \"/v1/widgets\"",
            "search .get \"/v1/widgets/search\"",
            "retrieve .get \"/v1/widgets/\\(StripeClient.pathSegment(widget))\"",
            "update .post \"/v1/widgets/\\(StripeClient.pathSegment(widget))\"",
            "delete .delete \"/v1/widgets/\\(StripeClient.pathSegment(widget))\"",
            "archive .post \"/v1/widgets/\\(StripeClient.pathSegment(widget))/archive\"",
        ])
    }

    @Test func listHasAPageMethodAndAnAutoPagingSequence() {
        Snapshot.expect(Excerpt.declaration("public func list(", in: widgets, withDocs: true), equals: """
            /// `GET /v1/widgets`
            ///
            /// Pages through every result lazily, following `starting_after`.
            public func list(_ params: ListParams = ListParams(), options: RequestOptions = RequestOptions()) -> AutoPagingSequence<Widget> {
                AutoPagingSequence { cursor in
                    var page = params
                    if let cursor { page.startingAfter = cursor }
                    return try await self.listPage(page, options: options)
                }
            }

            """)
        #expect(widgets.contains(
            "    public func listPage(_ params: ListParams = ListParams(), options: RequestOptions = RequestOptions()) async throws -> ListPage<Widget> {\n"))
    }

    @Test func signaturesTakePathArgumentsThenParams() {
        let lines = widgets.components(separatedBy: "\n")
        #expect(lines.contains("    public func archive(_ widget: String, _ params: ArchiveParams = ArchiveParams(), options: RequestOptions = RequestOptions()) async throws -> Widget {"))
        #expect(lines.contains("    public func search(_ params: SearchParams, options: RequestOptions = RequestOptions()) async throws -> WidgetSearchResult {"))
        #expect(lines.contains("    public func delete(_ widget: String, _ params: DeleteParams = DeleteParams(), options: RequestOptions = RequestOptions()) async throws -> Widget {"))
    }

    @Test func nestedPathBecomesANamespace() throws {
        #expect(files.map(\.path).filter { $0.hasPrefix("Resources/") && !$0.contains("+") }
                == ["Resources/ShopWidgetsAPI.swift", "Resources/WidgetsAPI.swift"])
        #expect(files.map(\.path).filter { $0.hasPrefix("Resources/ShopWidgetsAPI") }
                == ["Resources/ShopWidgetsAPI+ListParams.swift", "Resources/ShopWidgetsAPI.swift"])
        let shop = try Generation.file("Resources/ShopWidgetsAPI.swift", in: files)
        #expect(shop.contains("/// The `shop.widgets` operations: reach them as `stripe.shop.widgets`.\npublic struct ShopWidgetsAPI: Sendable {\n"))
        #expect(methods(shop) == ["listPage .get \"/v1/shop/widgets\"", "list -> AutoPagingSequence { cursor in"])
        Golden.expect(try Generation.file("Client/StripeClient+Resources.swift", in: files), matches: "Client/StripeClient+Resources.swift")
        let accessors = try Generation.body(Generation.file("Client/StripeClient+Resources.swift", in: files))
        Snapshot.expect(Excerpt.withoutDocs(accessors), equals: """
            extension StripeClient {
                public var shop: ShopNamespace { ShopNamespace(client: self) }

                public var widgets: WidgetsAPI { WidgetsAPI(client: self) }
            }

            public struct ShopNamespace: Sendable {
                public let client: StripeClient

                public init(client: StripeClient) {
                    self.client = client
                }

                public var widgets: ShopWidgetsAPI { ShopWidgetsAPI(client: client) }
            }


            """)
    }
}
