import Benchmark
import Foundation
import StripeCheckout
import StripeRuntime

/// The runtime's hot paths on the generated models: decoding a Checkout session, verifying and decoding a webhook
/// event, and form-encoding a create request. Thresholds under `Thresholds/` make a regression fail
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
}
