import Foundation
import SpecYAML
import Testing
@testable import StripeSpec

/// A shop API of our own: orders reach items, which reach a product; refunds reach a reason; coupons stand alone.
private let shopSpec = """
openapi: 3.0.0
info:
  title: Shop
  version: 2024-03-03
paths:
  /v1/orders:
    get:
      operationId: GetOrders
      responses:
        '200':
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/order'
          description: Orders.
  /v1/orders/{order}/refund:
    post:
      operationId: PostOrdersOrderRefund
      parameters:
      - in: path
        name: order
        required: true
        schema:
          type: string
      responses:
        '200':
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/refund'
          description: A refund.
components:
  schemas:
    order:
      type: object
      properties:
        items:
          type: array
          items:
            $ref: '#/components/schemas/item'
    item:
      type: object
      properties:
        product:
          $ref: '#/components/schemas/product'
    product:
      type: object
      properties:
        name:
          type: string
    refund:
      type: object
      properties:
        reason:
          $ref: '#/components/schemas/reason'
    reason:
      type: string
      enum: [duplicate, fraud]
    coupon:
      type: object
      properties:
        code:
          type: string
"""

@Suite("One reachability filter")
struct ReachabilityFilterTests {
    @Test("globs: `*` is one segment, `**` any number of trailing ones, for paths and event types")
    func globs() {
        #expect(PathGlob("/v1/widgets/*").matches("/v1/widgets/{id}"))
        #expect(!PathGlob("/v1/widgets/*").matches("/v1/widgets"))
        #expect(PathGlob("/v1/**").matches("/v1/widgets/{id}/expire"))
        #expect(!PathGlob("/v1/widget").matches("/v1/widgets"))
        #expect(PathGlob("checkout.session.*", separator: ".").matches("checkout.session.completed"))
        #expect(!PathGlob("checkout.session.*", separator: ".").matches("checkout.session"))
    }

    @Test("operations are kept by path glob or by operationId; no patterns keep everything")
    func keepsOperations() throws {
        let document = try SpecLoader.load(bytes: Array(shopSpec.utf8), path: "shop.yaml").document
        let byGlob = ReachabilityFilter(operations: ["/v1/orders/*/refund"])
        let byID = ReachabilityFilter(operations: ["GetOrders"])
        #expect(document.operations.filter(byGlob.keeps).map(\.operationID) == ["PostOrdersOrderRefund"])
        #expect(document.operations.filter(byID.keeps).map(\.operationID) == ["GetOrders"])
        #expect(document.operations.filter(ReachabilityFilter().keeps).count == 2)
        #expect(byGlob.keeps(path: "/v1/orders/{order}/refund"))
        #expect(!byID.keeps(path: "/v1/orders"))
    }

    @Test("the typed document keeps the schemas the kept operations and the extra schemas reach, transitively")
    func appliesToTheDocument() throws {
        let document = try SpecLoader.load(bytes: Array(shopSpec.utf8), path: "shop.yaml").document
        let orders = ReachabilityFilter(operations: ["GetOrders"]).apply(to: document)
        #expect(orders.schemaNames.sorted() == ["item", "order", "product"])
        #expect(orders.operations.map(\.operationID) == ["GetOrders"])
        let refunds = ReachabilityFilter(operations: ["/v1/orders/*/refund"], schemas: ["coupon"]).apply(to: document)
        #expect(refunds.schemaNames.sorted() == ["coupon", "reason", "refund"])
    }

    @Test("trim and the codegen filter keep the same schemas for the same path globs")
    func trimAgreesWithTheTypedFilter() throws {
        let root = try YAMLLoader.load(string: shopSpec, path: "shop.yaml")
        let document = try SpecLoader.load(bytes: Array(shopSpec.utf8), path: "shop.yaml").document
        for paths in [["/v1/orders"], ["/v1/orders/**"], ["/v1/orders/*/refund"]] {
            let configuration = TrimConfiguration(paths: paths, schemas: ["coupon"])
            let trimmed = try SpecTrimmer.trim(root, path: "shop.yaml", configuration: configuration)
            let trimmedNames = trimmed["components"]?["schemas"]?.pairs?.compactMap(\.keyText) ?? []
            let filtered = configuration.filter.apply(to: document).schemaNames.sorted()
            #expect(trimmedNames == filtered, "paths \(paths)")
        }
    }

    @Test("on Stripe's full spec, trim and the codegen filter keep the same Checkout schemas",
          .enabled(if: SharedData.available, Comment(rawValue: SharedData.skipReason)))
    func fullSpecAgreement() throws {
        let root = try YAMLLoader.load(contentsOf: SharedData.specPath)
        let document = try SpecLoader.load(contentsOf: SharedData.specPath).document
        let configuration = TrimConfiguration(paths: ["/v1/checkout/sessions", "/v1/checkout/sessions/**"],
                                              schemas: ["event"], keepDescriptions: true)
        let trimmed = try SpecTrimmer.trim(root, path: SharedData.specPath, configuration: configuration)
        let trimmedNames = trimmed["components"]?["schemas"]?.pairs?.compactMap(\.keyText) ?? []
        let filtered = configuration.filter.apply(to: document).schemaNames.sorted()
        #expect(trimmedNames.count > 100)
        #expect(trimmedNames == filtered)
    }
}
