import Foundation
import StripeRuntime

// Runtime benchmarks: each figure is the median of several rounds, printed as `name: value unit`.

let encoder = FormEncoder()
let params = CreateSessionParams.sample()
let fieldCount = try encoder.encode(params).count
let encodeMicros = try medianMicroseconds(iterations: 200) {
    consume(try encoder.encodeBody(params))
}
report("form_encode_100_line_items", encodeMicros, "us")
report("form_encode_fields_per_call", Double(fieldCount), "fields")

let sessionJSON = BenchSession.sampleJSON()
let decoder = JSONDecoder()
_ = try decoder.decode(BenchSession.self, from: sessionJSON)
let typedMicros = try medianMicroseconds(iterations: 2000) {
    consume(try decoder.decode(BenchSession.self, from: sessionJSON))
}
let untypedMicros = try medianMicroseconds(iterations: 2000) {
    consume(try JSONSerialization.jsonObject(with: sessionJSON))
}
report("session_json_size", Double(sessionJSON.count), "bytes")
report("decode_session_typed", typedMicros, "us")
report("decode_session_untyped_jsonserialization", untypedMicros, "us")
report("decode_typed_over_untyped", typedMicros / untypedMicros, "x")

let secret = "whsec_benchmark_secret_0123456789"
let body = "{\"id\":\"evt_bench\",\"object\":\"event\",\"data\":{\"object\":{\"padding\":\"" + String(repeating: "x", count: 5 * 1024 - 80) + "\"}}}"
let payload = Data(body.utf8)
let signedAt = Date(timeIntervalSince1970: 1_700_000_000)
let header = WebhookSigner(secret: secret).header(for: payload, timestamp: signedAt)
let verifier = WebhookVerifier(secret: secret, now: { signedAt })
let verifyMicros = try medianMicroseconds(iterations: 5000) {
    consume(try verifier.verify(payload: payload, signatureHeader: header))
}
report("webhook_payload_size", Double(payload.count), "bytes")
report("webhook_verify_5kb", verifyMicros, "us")
