import Foundation
import StripeCheckout
import StripeRuntime
import Testing

/// The generated operations, sent through a recording transport.
@Suite struct ClientCallTests {
    @Test func createPostsAFormWithPinnedVersionAndIdempotencyKey() async throws {
        let transport = RecordingTransport([.json(Fixtures.session())])
        let stripe = StripeClient.testing(transport)
        let session = try await stripe.checkout.sessions.create(
            CreateParamsTests.orderParams(), options: .init(idempotencyKey: "order_42-v1"))
        #expect(session.id == "cs_test_1")
        #expect(session.clientReferenceID == "order_42")

        let request = try #require(transport.requests.first)
        #expect(transport.requests.count == 1)
        #expect(request.method == .post)
        #expect(request.url.absoluteString == "https://api.stripe.test/v1/checkout/sessions")
        #expect(request.headers["Idempotency-Key"] == "order_42-v1")
        #expect(request.headers["Stripe-Version"] == "2023-08-16")
        #expect(request.headers["Stripe-Version"] == StripeBindings.apiVersion)
        #expect(request.headers["Content-Type"] == "application/x-www-form-urlencoded")
        #expect(request.headers["Authorization"] == "Bearer sk_test_codegen_123")
        #expect(request.form.map(\.description) == CreateParamsTests.expectedFields)
    }

    @Test func configuredVersionWinsOverThePinnedOne() async throws {
        let transport = RecordingTransport([.json(Fixtures.session())])
        let stripe = StripeClient(apiKey: "sk_test_codegen_123",
                                  configuration: StripeConfiguration(baseURL: URL(string: "https://api.stripe.test")!,
                                                                     apiVersion: "2024-01-01", maxNetworkRetries: 0),
                                  transport: transport)
        _ = try await stripe.checkout.sessions.retrieve("cs_test_1")
        #expect(transport.requests.first?.headers["Stripe-Version"] == "2024-01-01")
    }

    @Test func retrievePutsTypedExpandInTheQuery() async throws {
        let transport = RecordingTransport([.json(Fixtures.session())])
        let stripe = StripeClient.testing(transport)
        let session = try await stripe.checkout.sessions.retrieve("cs_test_1", .init(expand: [.lineItems, .customerDetails]))
        #expect(session.lineItems?.data?.count == 2)
        let request = try #require(transport.requests.first)
        #expect(request.method == .get)
        #expect(request.url.path == "/v1/checkout/sessions/cs_test_1")
        #expect(request.body == nil)
        #expect(request.query.map { "\($0)=\($1)" } == ["expand[]=line_items", "expand[]=customer_details"])
        #expect(request.headers["Stripe-Version"] == "2023-08-16")
    }

    @Test func pathArgumentsAreEscaped() async throws {
        let transport = RecordingTransport([.json(Fixtures.session())])
        _ = try await StripeClient.testing(transport).checkout.sessions.retrieve("cs/../x?y")
        let request = try #require(transport.requests.first)
        #expect(request.url.absoluteString.hasPrefix("https://api.stripe.test/v1/checkout/sessions/cs"))
        #expect(!request.url.absoluteString.contains("/../"))
        #expect(!request.url.absoluteString.contains("?y"))
    }

    @Test func listAutoPagesAcrossTwoPages() async throws {
        let transport = RecordingTransport([
            .json(Fixtures.list([Fixtures.smallSession("cs_1"), Fixtures.smallSession("cs_2")], hasMore: true)),
            .json(Fixtures.list([Fixtures.smallSession("cs_3")], hasMore: false)),
        ])
        let stripe = StripeClient.testing(transport)
        var ids: [String] = []
        for try await session in stripe.checkout.sessions.list(.init(limit: 2)) {
            ids.append(session.id)
        }
        #expect(ids == ["cs_1", "cs_2", "cs_3"])
        let requests = transport.requests
        #expect(requests.count == 2)
        #expect(requests.map(\.method) == [.get, .get])
        #expect(requests.map(\.url.path) == ["/v1/checkout/sessions", "/v1/checkout/sessions"])
        #expect(requests[0].query.map { "\($0)=\($1)" } == ["limit=2"])
        #expect(requests[1].query.map { "\($0)=\($1)" } == ["limit=2", "starting_after=cs_2"])
    }

    @Test func listPageReturnsOnePage() async throws {
        let transport = RecordingTransport([
            .json(Fixtures.list([Fixtures.smallSession("cs_1")], hasMore: true)),
        ])
        let page = try await StripeClient.testing(transport).checkout.sessions.listPage(.init(customer: "cus_9", limit: 1))
        #expect(page.data.map(\.id) == ["cs_1"])
        #expect(page.hasMore)
        #expect(transport.requests.count == 1)
        #expect(transport.requests[0].query.map { "\($0)=\($1)" } == ["customer=cus_9", "limit=1"])
    }

    @Test func expirePostsToTheActionPath() async throws {
        let transport = RecordingTransport([.json(Fixtures.session(status: "expired"))])
        let session = try await StripeClient.testing(transport).checkout.sessions.expire("cs_test_1")
        #expect(session.status == .expired)
        let request = try #require(transport.requests.first)
        #expect(request.method == .post)
        #expect(request.url.absoluteString == "https://api.stripe.test/v1/checkout/sessions/cs_test_1/expire")
        #expect(request.headers["Idempotency-Key"]?.isEmpty == false)
        #expect(request.form.isEmpty)
    }

    @Test func listLineItemsReturnsItems() async throws {
        let items = [
            Fixtures.lineItem(id: "li_1", description: "Blue mug", quantity: 2, price: Fixtures.priceWithProduct),
            Fixtures.lineItem(id: "li_2", description: "Poster", quantity: 1, price: Fixtures.priceWithProductID),
        ]
        let transport = RecordingTransport([.json(Fixtures.list(items, hasMore: false, url: "/v1/checkout/sessions/cs_test_1/line_items"))])
        var collected: [Item] = []
        for try await item in StripeClient.testing(transport).checkout.sessions.listLineItems("cs_test_1") {
            collected.append(item)
        }
        #expect(collected.map(\.id) == ["li_1", "li_2"])
        #expect(collected.map(\.description) == ["Blue mug", "Poster"])
        #expect(collected[1].price?.product?.id == "prod_poster")
        #expect(transport.requests.map(\.url.path) == ["/v1/checkout/sessions/cs_test_1/line_items"])
        #expect(transport.requests.first?.method == .get)
    }

    @Test func apiErrorsSurfaceAsStripeError() async throws {
        let body = """
            {"error": {"type": "invalid_request_error", "code": "resource_missing", "param": "session",
                       "message": "No such checkout session"}}
            """
        let transport = RecordingTransport([.json(body, status: 404)])
        let error = await #expect(throws: StripeError.self) {
            _ = try await StripeClient.testing(transport).checkout.sessions.retrieve("cs_missing")
        }
        #expect(error?.kind == .api)
        #expect(error?.httpStatus == 404)
        #expect(error?.code == "resource_missing")
        #expect(error?.param == "session")
    }
    @Test func responsesDecodeTolerantlyUnlessTheClientIsStrict() async throws {
        let session = Fixtures.smallSession("cs_old").replacingOccurrences(of: "\"mode\": \"payment\", ", with: "")
        #expect(!session.contains("\"mode\""))
        let tolerant = try await StripeClient.testing(RecordingTransport([.json(session)])).checkout.sessions.retrieve("cs_old")
        #expect(tolerant.mode == nil)
        #expect(tolerant.missingRequiredFields == ["mode"])

        var configuration = StripeClient.testing(RecordingTransport()).configuration
        configuration.requiredFields = .strict
        let strict = StripeClient(apiKey: "sk_test_codegen_123", configuration: configuration,
                                  transport: RecordingTransport([.json(session)]))
        let error = await #expect(throws: StripeError.self) {
            _ = try await strict.checkout.sessions.retrieve("cs_old")
        }
        #expect(error?.kind == .decoding)
        #expect(String(describing: error).contains("mode"))
    }
}
