import CodegenOutput
import Foundation
import StripeCodegen
import Testing

/// PUT, PATCH and HEAD operations: named as Stripe's own methods are without ever taking their names, sent with
/// the runtime's method of the same name, and a HEAD answer returned as its headers.
@Suite struct HTTPMethodGenerationTests {
    /// `/v1/widgets/{widget}` with PUT before POST (so naming order, not spec order, decides), PATCH and HEAD, and
    /// the `logout` actions the issue's spec declared with PUT.
    static let spec = Generation.spec(schemas: InlineSpecs.widgetSchema, paths: """
      /v1/widgets/{widget}:
        put:
          operationId: PutWidgetsWidget
          parameters:
    \(widgetParameter)
          requestBody:
            content:
              application/x-www-form-urlencoded:
                schema:
                  type: object
                  required: [label]
                  properties:
                    label:
                      type: string
    \(InlineSpecs.widgetResponse())
        post:
          operationId: PostWidgetsWidget
          parameters:
    \(widgetParameter)
    \(InlineSpecs.widgetResponse())
        patch:
          operationId: PatchWidgetsWidget
          parameters:
    \(widgetParameter)
    \(InlineSpecs.widgetResponse())
        head:
          operationId: HeadWidgetsWidget
          parameters:
    \(widgetParameter)
          responses:
            "200":
              description: the widget exists
      /v1/accounts/{account}/logout:
        put:
          operationId: PutAccountsAccountLogout
          parameters:
            - name: account
              in: path
              required: true
              schema:
                type: string
    \(InlineSpecs.widgetResponse())
      /v1/account/logout:
        put:
          operationId: PutAccountLogout
    \(InlineSpecs.widgetResponse())

    """)

    static let widgetParameter = """
                - name: widget
                  in: path
                  required: true
                  schema:
                    type: string
        """

    let files: [GeneratedFile]

    init() throws {
        files = try Generation.files(Self.spec)
    }

    /// `name call` of each method in `text`: its name and the first line of its body.
    private func methods(_ text: String) -> [String] {
        let lines = text.components(separatedBy: "\n")
        return lines.indices.compactMap { index in
            let line = lines[index]
            guard line.hasPrefix("    public func "), index + 1 < lines.count else { return nil }
            let name = line.dropFirst("    public func ".count).prefix { $0 != "(" }
            let returns = line.components(separatedBy: " -> ").last?.dropLast(2) ?? ""
            let call = lines[index + 1].trimmingCharacters(in: .whitespaces)
                .replacingOccurrences(of: "\\(StripeClient.pathSegment(widget))", with: "{widget}")
            return "\(name) -> \(returns): \(call)"
        }
    }

    @Test func stripeMethodsKeepTheirNamesAndTheOthersGiveWay() throws {
        let widgets = try Generation.file("Resources/WidgetsAPI.swift", in: files)
        // Each call names its operation (resource path and method) and the spec's path template.
        func tail(_ method: String) -> String {
            ", params: params, options: options, apiVersion: StripeBindings.apiVersion, "
                + "operation: StripeOperation(\"widgets.\(method)\", pathTemplate: \"/v1/widgets/{widget}\"))"
        }
        #expect(methods(widgets) == [
            "putWidgetsWidget -> Widget: try await client.perform(.put, \"/v1/widgets/{widget}\"\(tail("putWidgetsWidget"))",
            "update -> Widget: try await client.perform(.post, \"/v1/widgets/{widget}\"\(tail("update"))",
            "patchWidgetsWidget -> Widget: try await client.perform(.patch, \"/v1/widgets/{widget}\"\(tail("patchWidgetsWidget"))",
            "head -> HTTPHeaders: try await client.send(.head, \"/v1/widgets/{widget}\"\(tail("head")).headers",
        ])
    }

    @Test func aPutActionIsNamedAsAPostActionIs() throws {
        let accounts = try Generation.file("Resources/AccountsAPI.swift", in: files)
        #expect(methods(accounts).map { $0.prefix { $0 != " " } } == ["logout"])
        let logout = try Generation.file("Resources/AccountLogoutAPI.swift", in: files)
        #expect(methods(logout).map { $0.prefix { $0 != " " } } == ["create"])
        #expect(logout.contains("client.perform(.put, \"/v1/account/logout\""))
    }

    @Test func withoutAnOperationIDATakenNameGetsTheMethodInFront() throws {
        let spec = Self.spec.components(separatedBy: "\n").filter { !$0.contains("operationId:") }.joined(separator: "\n")
        let widgets = try Generation.file("Resources/WidgetsAPI.swift", in: try Generation.files(spec))
        #expect(methods(widgets).map { $0.prefix { $0 != " " } } == ["putUpdate", "update", "patchUpdate", "head"])
    }

    @Test func aHeadMethodSaysWhatItReturns() throws {
        let widgets = try Generation.file("Resources/WidgetsAPI.swift", in: files)
        let declaration = try #require(Excerpt.declaration("public func head(", in: widgets, withDocs: true))
        #expect(declaration.contains("/// `HEAD /v1/widgets/{widget}`"))
        #expect(declaration.contains("public func head(_ widget: String, _ params: HeadParams = HeadParams(), "
                                     + "options: RequestOptions = RequestOptions()) async throws -> HTTPHeaders"))
    }
}
