// Answers the capability questions of Benchmarks/peer-bench.sh for swift-openapi-generator's output, by calling
// the generated client with a transport that records each request and answers with a canned body.
//
//   probe FIXTURES_JSON
//
// Prints `capability_<name>: yes|no` lines (and `expandable_type: <Swift type>`), with details on stderr.
import Bindings
import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Records the last request body and answers every request with `body` as JSON.
final class CannedTransport: ClientTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var _body = Data("{}".utf8)
    private var _lastBody: String?
    var body: Data {
        get { lock.withLock { _body } }
        set { lock.withLock { _body = newValue } }
    }
    var lastBody: String? { lock.withLock { _lastBody } }

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws
        -> (HTTPResponse, HTTPBody?)
    {
        var sent: String?
        if let body { sent = try await String(collecting: body, upTo: 1 << 20) }
        lock.withLock { _lastBody = sent }
        var response = HTTPResponse(status: .ok)
        response.headerFields[.contentType] = "application/json"
        return (response, HTTPBody([UInt8](self.body)))
    }
}

let fixtures = try ProbeFixtures.fromArguments()
let fixture = fixtures.session
let unknownStatus = fixtures.unknownStatus

let transport = CannedTransport()
transport.body = fixture
let client = Client(serverURL: URL(string: "https://api.stripe.com")!, transport: transport)

// 1. The create request's form body, sent through the generated create operation. The payload is built from
//    JSON so the probe does not depend on the generated names of the nested line-item types.
do {
    let json = """
        {"cancel_url": "https://shop.example/cart", "mode": "payment", "success_url": "https://shop.example/ok",
         "line_items": [{"quantity": 1,
                         "price_data": {"currency": "usd", "unit_amount": 2000, "product_data": {"name": "T-shirt"}}}]}
        """
    let payload = try JSONDecoder().decode(
        Operations.PostCheckoutSessions.Input.Body.urlEncodedFormPayload.self, from: Data(json.utf8))
    _ = try await client.PostCheckoutSessions(body: .urlEncodedForm(payload))
    let form = transport.lastBody ?? ""
    note("create body: \(form)")
    let fields = form.split(separator: "&").map(String.init)
    let wanted = ["line_items%5B0%5D%5Bprice_data%5D%5Bcurrency%5D=usd", "line_items[0][price_data][currency]=usd"]
    print("capability_form_deep_object: \(yesNo(fields.contains(where: wanted.contains)))")
} catch {
    note("create: \(error)")
    print("capability_form_deep_object: no")
}

/// Retrieves a session through the generated operation, answered with `body`.
func retrieve(_ body: Data) async throws -> Components.Schemas.checkout_period_session {
    transport.body = body
    let output = try await client.GetCheckoutSessionsSession(path: .init(session: "cs_test_probe"))
    return try output.ok.body.json
}

// 2. An expandable field, through the generated list-line-items call: each line item's `price.product`, which
//    Stripe sends as the product's id, or as the whole product when the request expands `data.price.product`.
//    Every input keeps it (Specs/checkout.yaml cuts `customer` down to an id string, so it cannot be the probe).
var bothForms = true
for (form, body) in fixtures.lineItemsPages {
    do {
        transport.body = body
        let output = try await client.GetCheckoutSessionsSessionLineItems(path: .init(session: "cs_test_probe"))
        guard let value = try output.ok.body.json.data.first?.price?.value1?.product else {
            throw CocoaError(.coderValueNotFound, userInfo: [NSDebugDescriptionErrorKey: "no price.product"])
        }
        if form == "id" { print("expandable_type: \(String(reflecting: type(of: value)))") }
        note("product as \(form) decoded as: \(String(describing: value).prefix(120))")
    } catch {
        note("product as \(form): \(error)")
        bothForms = false
    }
}
print("capability_expandable_id_or_object: \(yesNo(bothForms))")

// 3. The checkout.session fixture, answered to the generated retrieve operation.
do {
    let retrieved = try await retrieve(fixture)
    print("capability_fixture_decodes: \(yesNo(retrieved.id.hasPrefix("cs_test_")))")
} catch {
    note("fixture: \(error)")
    print("capability_fixture_decodes: no")
}

// 4. The same fixture with `status: "some_new_status"`.
do {
    let retrieved = try await retrieve(unknownStatus)
    note("unknown status decoded as: \(String(describing: retrieved.status))")
    print("capability_unknown_enum_decodes: yes")
} catch {
    note("unknown enum: \(error)")
    print("capability_unknown_enum_decodes: no")
}
