#if Emulator
import CheckoutEmulator
import Foundation
import StripeCheckout
import StripeRuntime
import Testing

/// `GET /v1/checkout/sessions` with `status` and `created`, the filters the shipped overlay adds to the spec.
@Suite("Session list filters: status and created")
struct ListFilterTests {
    /// Three sessions a minute apart (open, complete, expired, oldest first) on a clock the test moves.
    private func threeSessions(
        _ emulator: CheckoutEmulator, clock: ManualClock
    ) async throws -> (stripe: StripeClient, open: CheckoutSession, complete: CheckoutSession, expired: CheckoutSession) {
        let stripe = makeClient(emulator)
        let open = try await stripe.checkout.sessions.create(paymentParams())
        clock.advance(by: 60)
        let paid = try await stripe.checkout.sessions.create(paymentParams())
        let complete = try await emulator.complete(sessionID: paid.id)
        clock.advance(by: 60)
        let made = try await stripe.checkout.sessions.create(paymentParams())
        let expired = try await stripe.checkout.sessions.expire(made.id)
        return (stripe, open, complete, expired)
    }

    @Test("status keeps the sessions in that status, newest first")
    func status() async throws {
        let clock = ManualClock()
        try await withEmulator({ $0.now = { clock.now } }) { emulator in
            let (stripe, open, complete, expired) = try await threeSessions(emulator, clock: clock)
            #expect(try await stripe.checkout.sessions.listPage(.init(status: .open)).data.map(\.id) == [open.id])
            #expect(try await stripe.checkout.sessions.listPage(.init(status: .complete)).data.map(\.id) == [complete.id])
            #expect(try await stripe.checkout.sessions.listPage(.init(status: .expired)).data.map(\.id) == [expired.id])
            #expect(try await stripe.checkout.sessions.listPage(.init()).data.map(\.id) == [expired.id, complete.id, open.id])
        }
    }

    @Test("created bounds gt, gte, lt and lte, and an exact created time")
    func created() async throws {
        let clock = ManualClock()
        try await withEmulator({ $0.now = { clock.now } }) { emulator in
            let (stripe, open, complete, expired) = try await threeSessions(emulator, clock: clock)
            let middle = Int(complete.created.timeIntervalSince1970)
            func ids(_ created: CheckoutSessionsAPI.ListParams.Created) async throws -> [String] {
                try await stripe.checkout.sessions.listPage(.init(created: created)).data.map(\.id)
            }
            #expect(try await ids(.rangeQuerySpecs(.init(gte: middle))) == [expired.id, complete.id])
            #expect(try await ids(.rangeQuerySpecs(.init(gt: middle))) == [expired.id])
            #expect(try await ids(.rangeQuerySpecs(.init(lt: middle))) == [open.id])
            #expect(try await ids(.rangeQuerySpecs(.init(lte: middle))) == [complete.id, open.id])
            #expect(try await ids(.rangeQuerySpecs(.init(gt: middle - 60, lt: middle + 60))) == [complete.id])
            #expect(try await ids(.integer(middle)) == [complete.id])
            #expect(try await ids(.integer(middle + 1)) == [])
            // Filters combine, and paging follows them.
            let page = try await stripe.checkout.sessions.listPage(
                .init(limit: 1, status: .open, created: .rangeQuerySpecs(.init(gte: middle - 60))))
            #expect(page.data.map(\.id) == [open.id])
            #expect(page.hasMore == false)
        }
    }

    @Test("a status outside the enum and a created that is not an integer are invalid_request_errors naming the param")
    func invalidValues() async throws {
        try await withEmulator { emulator in
            let auth: HTTPHeaders = ["Authorization": "Bearer \(testAPIKey)"]
            /// The `error.param` of a 400 answer to `query`.
            func param(_ query: String) async throws -> String? {
                let response = try await rawRequest(emulator, .get, "/v1/checkout/sessions?" + query, headers: auth)
                #expect(response.status == 400, "\(query)")
                let object = try JSONSerialization.jsonObject(with: response.body) as? [String: Any]
                return (object?["error"] as? [String: Any])?["param"] as? String
            }
            let status = try await param("status=paid")
            let bound = try await param("created%5Bgte%5D=soon")
            let exact = try await param("created=yesterday")
            #expect(status == "status")
            #expect(bound == "created[gte]")
            #expect(exact == "created")
        }
    }

    @Test("without the overlay the spec has no such filters, and the emulator rejects them as unknown")
    func withoutOverlay() async throws {
        try await withEmulator({ $0.overlayPaths = [] }) { emulator in
            let error = await #expect(throws: StripeError.self) {
                _ = try await makeClient(emulator).checkout.sessions.listPage(.init(status: .open))
            }
            #expect(error?.param == "status")
        }
    }
}
#endif
