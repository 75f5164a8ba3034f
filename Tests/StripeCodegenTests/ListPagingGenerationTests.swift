import CodegenOutput
import Foundation
@testable import StripeCodegen
import StripeSpec
import Testing

/// Every list that takes `starting_after` is `list` (every result, paged) beside `listPage` (one page), whether its
/// objects' ids are required, optional or absent; a list without a cursor has only `listPage`.
@Suite struct ListPagingGenerationTests {
    /// A `GET` list operation on `path` answering a list of `items`, with the given query parameters.
    private static func list(_ path: String, id: String, items: String, cursors: [String]) -> String {
        var lines = ["  \(path):", "    get:", "      operationId: \(id)"]
        lines.append(cursors.isEmpty ? "      parameters: []" : "      parameters:")
        for cursor in cursors {
            lines += ["        - name: \(cursor)", "          in: query", "          schema:", "            type: string"]
        }
        lines += [
            "      responses:", "        \"200\":", "          description: ok", "          content:",
            "            application/json:", "              schema:", "                type: object",
            "                required: [object, data, has_more]", "                properties:",
            "                  object:", "                    type: string", "                    enum: [list]",
            "                  has_more:", "                    type: boolean", "                  data:",
            "                    type: array", "                    items:",
            "                      $ref: '#/components/schemas/\(items)'",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    private static let spec = Generation.spec(schemas: """
        bill:
          type: object
          properties:
            id:
              type: string
            total:
              type: integer
        gauge:
          type: object
          required: [id]
          properties:
            id:
              type: string
        reading:
          type: object
          required: [value]
          properties:
            value:
              type: integer

    """, paths: list("/v1/bills", id: "GetBills", items: "bill", cursors: ["starting_after", "ending_before"])
        + list("/v1/gauges", id: "GetGauges", items: "gauge", cursors: [])
        + list("/v1/readings", id: "GetReadings", items: "reading", cursors: ["starting_after"]))

    private func resource(_ name: String) throws -> String {
        try Generation.file("Resources/\(name).swift", in: Generation.files(Self.spec))
    }

    /// The names of the methods a resource file declares, in order.
    private func methodNames(_ text: String) -> [String] {
        text.components(separatedBy: "\n").filter { $0.hasPrefix("    public func ") }.map {
            String($0.dropFirst("    public func ".count).prefix { $0 != "(" })
        }
    }

    @Test func aListOfObjectsWithAnOptionalIDStillPagesByThoseThatHaveOne() throws {
        let bills = try resource("BillsAPI")
        #expect(methodNames(bills) == ["listPage", "list"])
        #expect(bills.contains("-> ListPage<Bill> {"))
        #expect(bills.contains("public func list(_ params: ListParams = ListParams(), options: RequestOptions = RequestOptions()) -> AutoPagingSequence<Bill> {"))
        #expect(bills.contains("AutoPagingSequence(backward: params.endingBefore != nil, cursor: { $0.id }) { cursor in"))
    }

    @Test func aListWithoutACursorIsOnlyAPage() throws {
        let gauges = try resource("GaugesAPI")
        #expect(methodNames(gauges) == ["listPage"])
        #expect(!gauges.contains("AutoPagingSequence"))
    }

    @Test func aListOfObjectsWithoutIDsEndsAfterItsFirstPage() throws {
        let readings = try resource("ReadingsAPI")
        #expect(methodNames(readings) == ["listPage", "list"])
        #expect(readings.contains("AutoPagingSequence(cursor: { _ in nil }) { cursor in"))
        #expect(readings.contains("so the sequence ends after the first page."))
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["STRIPE_SHARED_DATA"].map { !$0.isEmpty } ?? false,
                   "set STRIPE_SHARED_DATA to ../shared/stripe to run tests on Stripe's full spec"))
    func everyCursorListOfTheFullSpecPages() throws {
        let folder = ProcessInfo.processInfo.environment["STRIPE_SHARED_DATA"] ?? "."
        let document = try SpecLoader.load(contentsOf: folder + "/spec3-2023-08-16.yaml").document
        let module = SwiftGenerator.translate(document, options: GeneratorOptions(access: .public, specFileName: "spec.yaml"))
        var cursorLists = 0
        for resource in module.resources {
            for operation in resource.operations where operation.listElement != nil {
                let takesCursor = operation.params.properties.contains { $0.jsonName == "starting_after" }
                if takesCursor { cursorLists += 1 }
                if resource.typeName == "InvoicesAPI" && operation.methodName == "list" {
                    #expect(takesCursor && operation.listCursor == .optionalID)
                }
            }
        }
        #expect(cursorLists == 100)
        let invoices = try Generation.file("Resources/InvoicesAPI.swift", in: SwiftGenerator.generate(
            document, options: GeneratorOptions(access: .public, specFileName: "spec.yaml")))
        #expect(invoices.contains("public func list(_ params: ListParams = ListParams(), options: RequestOptions = RequestOptions()) -> AutoPagingSequence<Invoice> {"))
    }
}
