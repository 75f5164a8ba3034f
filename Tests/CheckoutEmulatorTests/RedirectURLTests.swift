#if Emulator
@testable import CheckoutEmulator
import Foundation
import StripeCheckout
import StripeRuntime
import Testing

@Suite("success_url and cancel_url must be absolute http(s) URLs")
struct RedirectURLTests {
    private let createPath = "/v1/checkout/sessions"
    private let lineItem = "&line_items[0][price_data][currency]=usd&line_items[0][price_data][product_data][name]=Tee"
        + "&line_items[0][price_data][unit_amount]=500&line_items[0][quantity]=1"

    private func create(_ emulator: CheckoutEmulator, successURL: String, cancelURL: String? = nil,
                        key: String? = nil) async throws -> HTTPResponse {
        var fields = [FormField(name: "mode", value: "payment"), FormField(name: "success_url", value: successURL)]
        if let cancelURL { fields.append(FormField(name: "cancel_url", value: cancelURL)) }
        let body = FormBody.serialize(fields) + lineItem
        var headers: HTTPHeaders = ["Authorization": "Bearer \(testAPIKey)", "Content-Type": "application/x-www-form-urlencoded"]
        if let key { headers["Idempotency-Key"] = key }
        return try await rawRequest(emulator, .post, createPath, body: body, headers: headers)
    }

    private func error(_ response: HTTPResponse) -> [String: String] {
        let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any]
        return (object?["error"] as? [String: String]) ?? [:]
    }

    private let refused = ["/orders/1/ok", "not a url", "javascript:alert(1)", "ftp://x", "https://", "http:/no-host",
                           "mailto:ada@example.com", "data:text/html,hi"]

    @Test("a relative, non-http(s) or malformed URL is Stripe's 400 url_invalid naming the parameter")
    func refusesBadURLs() async throws {
        try await withEmulator { emulator in
            for url in refused {
                let success = try await create(emulator, successURL: url)
                #expect(success.status == 400, "success_url \(url)")
                #expect(error(success) == ["type": "invalid_request_error", "code": "url_invalid",
                                           "message": "Not a valid URL", "param": "success_url"], "success_url \(url)")
                let cancel = try await create(emulator, successURL: "https://shop.example/ok", cancelURL: url)
                #expect(cancel.status == 400, "cancel_url \(url)")
                #expect(error(cancel)["param"] == "cancel_url", "cancel_url \(url)")
                #expect(error(cancel)["code"] == "url_invalid", "cancel_url \(url)")
            }
            #expect(await emulator.sessions().isEmpty, "no refused request stored a session")
        }
    }

    @Test("a refused URL with an idempotency key stores nothing, so the key is still free")
    func refusalStoresNothing() async throws {
        try await withEmulator { emulator in
            let refused = try await create(emulator, successURL: "javascript:alert(1)", key: "url-1")
            #expect(refused.status == 400)
            #expect(error(refused)["code"] == "url_invalid")
            let accepted = try await create(emulator, successURL: "https://shop.example/ok", key: "url-1")
            #expect(accepted.status == 200)
            #expect(accepted.headers["Idempotent-Replayed"] == nil)
        }
    }

    @Test("http and https URLs are accepted, {CHECKOUT_SESSION_ID} included, and kept as sent")
    func acceptsGoodURLs() async throws {
        try await withEmulator { emulator in
            let accepted = ["https://shop.example/ok?session_id={CHECKOUT_SESSION_ID}",
                            "http://127.0.0.1:4242/orders/1/ok", "HTTPS://Shop.Example/ok#done",
                            "https://shop.example/{CHECKOUT_SESSION_ID}/ok"]
            for url in accepted {
                let response = try await create(emulator, successURL: url, cancelURL: "https://shop.example/cart")
                #expect(response.status == 200, "\(url): \(response.text)")
                let object = try JSONSerialization.jsonObject(with: response.body) as? [String: Any]
                #expect(object?["success_url"] as? String == url)
            }
        }
    }

    @Test("the check alone, as a billing portal's return_url will use it")
    func checkNamesTheParameter() {
        #expect(RedirectURLCheck.failure("https://shop.example/account", param: "return_url") == nil)
        let failure = RedirectURLCheck.failure("/account", param: "return_url")
        #expect(failure?.status == 400)
        #expect(failure?.param == "return_url")
        #expect(failure?.code == "url_invalid")
        for url in refused { #expect(!RedirectURLCheck.isAcceptable(url), "\(url)") }
    }

    @Test("a stored session whose URLs a browser must not follow is never redirected to them")
    func hostedPageNeverRedirectsToBadURL() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("emulator-urls-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (paidID, cancelledID) = try await withEmulator({ $0.statePath = path }) { emulator in
            let stripe = makeClient(emulator)
            return (try await stripe.checkout.sessions.create(paymentParams()).id,
                    try await stripe.checkout.sessions.create(paymentParams()).id)
        }
        // Only a state file written before URLs were checked can hold such URLs.
        for id in [paidID, cancelledID] {
            try await SavedState.edit("sessions", id, at: path) { session in
                session["success_url"] = "javascript:alert(1)"
                session["cancel_url"] = "ftp://shop.example/cart"
            }
        }

        try await withEmulator({ $0.statePath = path }) { emulator in
            let paid = try await browserRequest(emulator, .post, "/c/pay/\(paidID)/pay")
            #expect(paid.status == 200)
            #expect(paid.headers["Location"] == nil)
            #expect(paid.text.contains("Your payment was received."))
            let again = try await browserRequest(emulator, .get, "/c/pay/\(paidID)")
            #expect(!again.text.contains("javascript:"), "the already-paid page links nowhere unsafe")
            let cancelled = try await browserRequest(emulator, .post, "/c/pay/\(cancelledID)/cancel")
            #expect(cancelled.status == 200)
            #expect(cancelled.headers["Location"] == nil)
            #expect(!cancelled.text.contains("ftp:"))
        }
    }
}
#endif
