// The canned answers both probes send back, built from Stripe's fixtures file (copied next to each tool's
// probe/main.swift by peer-bench.sh, so the two tools are asked exactly the same questions).
import Foundation

func yesNo(_ value: Bool) -> String { value ? "yes" : "no" }
func note(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }

/// Response bodies made from the `checkout.session`, `item`, `price` and `product` fixtures.
struct ProbeFixtures {
    /// The `checkout.session` fixture as Stripe sends it.
    var session: Data
    /// The same session with `status: "some_new_status"`, a value no spec lists.
    var unknownStatus: Data
    /// A one-item page of line items whose `price.product` is the product's id, then one where it is the whole
    /// product (what `expand[]=data.price.product` returns).
    var lineItemsPages: [(form: String, body: Data)]

    /// Reads `probe FIXTURES_JSON`; exits with a usage line when the file is not Stripe's fixtures.
    static func fromArguments() throws -> ProbeFixtures {
        let arguments = CommandLine.arguments
        guard arguments.count == 2,
              let data = FileManager.default.contents(atPath: arguments[1]),
              let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let resources = root["resources"] as? [String: Any],
              var session = resources["checkout.session"] as? [String: Any]
        else {
            note("usage: probe FIXTURES_JSON (with resources[\"checkout.session\"])")
            exit(2)
        }
        let fixture = try JSONSerialization.data(withJSONObject: session)
        session["status"] = "some_new_status"
        let unknownStatus = try JSONSerialization.data(withJSONObject: session)

        var item = resources["item"] as? [String: Any] ?? [:]
        var price = item["price"] as? [String: Any] ?? resources["price"] as? [String: Any] ?? [:]
        let productForms: [(String, Any)] = [
            ("id", "prod_probe"), ("object", resources["product"] ?? ["id": "prod_probe", "object": "product"]),
        ]
        var pages: [(String, Data)] = []
        for (form, product) in productForms {
            price["product"] = product
            item["price"] = price
            let page: [String: Any] = [
                "object": "list", "data": [item], "has_more": false,
                "url": "/v1/checkout/sessions/cs_test_probe/line_items",
            ]
            pages.append((form, try JSONSerialization.data(withJSONObject: page)))
        }
        return ProbeFixtures(session: fixture, unknownStatus: unknownStatus, lineItemsPages: pages)
    }
}
