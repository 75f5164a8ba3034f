import Foundation
import StripeCodegen
import Testing

/// `Codegen.diff` from Stripe's 2020-08-27 spec to its 2023-08-16 spec, checked against changes read by hand in
/// the two YAML files.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["STRIPE_SHARED_DATA"].map { !$0.isEmpty } ?? false,
                "set STRIPE_SHARED_DATA to ../shared/stripe to diff Stripe's full specs"))
struct FullSpecDiffTests {
    static let folder = ProcessInfo.processInfo.environment["STRIPE_SHARED_DATA"] ?? "."
    static let old = folder + "/spec3-2022-05.sdk.yaml"
    static let new = folder + "/spec3-2023-08-16.yaml"

    /// The line after the first line holding `property` below the line holding `schema`: where its schema starts.
    private static func schemaLine(of property: String, below schema: String, in path: String) throws -> Int {
        let lines = String(decoding: try #require(FileManager.default.contents(atPath: path)), as: UTF8.self)
            .components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: schema), "\(schema) in \(path)")
        let key = try #require(lines[start...].firstIndex(of: property), "\(property) below \(schema)")
        return key + 2
    }

    @Test("2020-08-27 -> 2023-08-16: known removals, additions and a field that may now be absent")
    func knownChanges() throws {
        let report = try Codegen.diff(from: Self.old, to: Self.new)
        #expect(report.from.apiVersion == "2020-08-27" && report.to.apiVersion == "2023-08-16")
        #expect(report.hasBreakingChanges)
        func change(_ symbol: String, _ kind: APIChange.Kind) -> APIChange? {
            report.changes.first { $0.symbol == symbol && $0.kind == kind }
        }

        // checkout.session has `shipping` in 2020-08-27 and `shipping_details` in 2023-08-16.
        let shipping = try #require(change("CheckoutSession.shipping", .propertyRemoved))
        #expect(shipping.impact == .breaking)
        #expect(shipping.location?.path == Self.old)
        #expect(shipping.location?.mark.line
                == (try Self.schemaLine(of: "        shipping:", below: "    checkout.session:", in: Self.old)))
        let details = try #require(change("CheckoutSession.shippingDetails", .propertyAdded))
        #expect(details.impact == .additive)
        #expect(details.location?.path == Self.new)
        #expect(details.location?.mark.line
                == (try Self.schemaLine(of: "        shipping_details:", below: "    checkout.session:", in: Self.new)))

        // `cancel_url` is in checkout.session's `required` list in 2020-08-27 only.
        let cancel = try #require(change("CheckoutSession.cancelURL", .propertyNowOptional))
        #expect(cancel.impact == .breaking)
        #expect(cancel.location?.mark.line
                == (try Self.schemaLine(of: "        cancel_url:", below: "    checkout.session:", in: Self.new)))

        // `/v1/orders` exists in 2020-08-27 only.
        let orders = try #require(change("stripe.orders.create", .operationRemoved))
        #expect(orders.impact == .breaking && orders.group == "OrdersAPI")
        #expect(orders.location?.path == Self.old)

        #expect(report.changes == report.changes.sorted())
    }
}
