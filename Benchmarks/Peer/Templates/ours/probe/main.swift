// Answers the capability questions of Benchmarks/peer-bench.sh for stripe-codegen's bindings, by calling them
// through the client with a transport that records each request and answers with a canned body.
//
//   probe FIXTURES_JSON
//
// Prints `capability_<name>: yes|no` lines (and `expandable_type: <Swift type>`), with details on stderr.
import Bindings
import Foundation
import StripeRuntime

/// Records the last request and answers every one with `body`.
final class CannedTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var _body = Data("{}".utf8)
    private var _lastBody: Data?
    var body: Data {
        get { lock.withLock { _body } }
        set { lock.withLock { _body = newValue } }
    }
    var lastBody: Data? { lock.withLock { _lastBody } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        lock.withLock { _lastBody = request.body }
        return HTTPResponse(status: 200, headers: ["Content-Type": "application/json"], body: body)
    }
}

let fixtures = try ProbeFixtures.fromArguments()
let fixture = fixtures.session
let unknownStatus = fixtures.unknownStatus

let transport = CannedTransport()
transport.body = fixture
let stripe = StripeClient(apiKey: "sk_test_probe", transport: transport)

// 1. The create request's form body, sent through the generated create call.
do {
    let params = CheckoutSessionsAPI.CreateParams(
        cancelURL: "https://shop.example/cart",
        lineItems: [.init(priceData: .init(currency: "usd", productData: .init(name: "T-shirt"), unitAmount: 2000),
                          quantity: 1)],
        mode: .payment,
        successURL: "https://shop.example/ok")
    _ = try await stripe.checkout.sessions.create(params)
    let form = String(decoding: transport.lastBody ?? Data(), as: UTF8.self)
    note("create body: \(form)")
    let fields = form.split(separator: "&").map(String.init)
    let wanted = ["line_items%5B0%5D%5Bprice_data%5D%5Bcurrency%5D=usd", "line_items[0][price_data][currency]=usd"]
    print("capability_form_deep_object: \(yesNo(fields.contains(where: wanted.contains)))")
} catch {
    note("create: \(error)")
    print("capability_form_deep_object: no")
}

/// Retrieves a session through the generated call, answered with `body`.
func retrieve(_ body: Data) async throws -> CheckoutSession {
    transport.body = body
    return try await stripe.checkout.sessions.retrieve("cs_test_probe")
}

// 2. An expandable field, through the generated list-line-items call: each line item's `price.product`, which
//    Stripe sends as the product's id, or as the whole product when the request expands `data.price.product`.
//    Every input keeps it (Specs/checkout.yaml cuts `customer` down to an id string, so it cannot be the probe).
var bothForms = true
for (form, body) in fixtures.lineItemsPages {
    do {
        transport.body = body
        let page = try await stripe.checkout.sessions.listLineItemsPage("cs_test_probe")
        guard let value = page.data.first?.price?.product else {
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

// 3. The checkout.session fixture, answered to the generated retrieve call.
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
