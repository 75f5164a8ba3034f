import Benchmark
import Foundation
import StripeCheckout
import StripeRuntime

/// The runtime's hot paths on the generated models: decoding a Checkout session, verifying and decoding a webhook
/// event, form-encoding a create request, and one whole call through the client (with no tracer or metrics backend
/// bootstrapped, as an application without observability runs it). Thresholds under `Thresholds/` make a regression fail
/// `swift package benchmark thresholds check`.
let benchmarks: @Sendable () -> Void = {
    // Static thresholds compare a run's p90 with the stored one. Allocations are deterministic, so growth past 1%
    // fails; wall time on a shared 2-core machine swings widely, so only a doubling fails. Instructions are not
    // measured: package-benchmark counts them with hardware counters, which virtual machines often lack.
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal],
        timeUnits: .microseconds,
        warmupIterations: 20,
        maxDuration: .seconds(3),
        maxIterations: 2_000,
        thresholds: [
            .wallClock: .init(relative: [.p90: 100.0]),
            .mallocCountTotal: .init(relative: [.p90: 1.0]),
        ]
    )

    let sessionJSON = SampleCheckoutSession.json()
    Benchmark("CheckoutSession.decode") { benchmark in
        let decoder = JSONDecoder()
        for _ in benchmark.scaledIterations {
            blackHole(try decoder.decode(CheckoutSession.self, from: sessionJSON))
        }
    }

    let secret = "whsec_benchmark_secret_0123456789"
    let signedAt = Date(timeIntervalSince1970: 1_700_000_100)
    let eventPayload = SampleCheckoutSession.completedEvent()
    let header = WebhookSigner(secret: secret).header(for: eventPayload, timestamp: signedAt)
    let verifier = WebhookVerifier(secret: secret, now: { signedAt })
    Benchmark("WebhookEvent.verifyAndDecode") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try verifier.verifyEvent(payload: eventPayload, signatureHeader: header))
        }
    }
    Benchmark("WebhookSignature.verify") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try verifier.verify(payload: eventPayload, signatureHeader: header))
        }
    }

    let params = SampleCreateParams.make()
    Benchmark("CreateParams.formEncode") { benchmark in
        let encoder = FormEncoder()
        for _ in benchmark.scaledIterations {
            blackHole(try encoder.encodeBody(params))
        }
    }

    // One call as an application makes it: params checked and encoded, the request built and sent (to a transport
    // that answers at once), the answer decoded; traced and counted into the no-op tracer and metrics.
    let stripe = StripeClient(apiKey: "sk_test_benchmark", transport: AnsweringTransport(body: sessionJSON))
    Benchmark("CheckoutSessions.retrieve") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try await stripe.checkout.sessions.retrieve("cs_test_benchmark"))
        }
    }
}

/// A transport that answers every request with `body`, so a benchmark measures the client and not the network.
struct AnsweringTransport: HTTPTransport {
    let body: Data

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        HTTPResponse(status: 200, headers: ["Content-Type": "application/json", "Request-Id": "req_benchmark"], body: body)
    }
}
