import CheckoutWorkflows
import Foundation
import StripeCheckout
import StripeRuntime

// One order through Checkout the right way: create its session idempotently, find it by reference,
// replace it with a new attempt (the old one is expired), and list what is being bought.
// Runs against Stripe's test mode or the local emulator, unchanged:
//   STRIPE_API_KEY=sk_test_... [STRIPE_API_BASE=http://127.0.0.1:12111] swift run

let environment = ProcessInfo.processInfo.environment
guard let apiKey = environment["STRIPE_API_KEY"], !apiKey.isEmpty else {
    FileHandle.standardError.write(Data("Set STRIPE_API_KEY to a test-mode secret key (sk_test_...).\n".utf8))
    exit(2)
}
var configuration = StripeConfiguration()
if let base = environment["STRIPE_API_BASE"], let url = URL(string: base) {
    configuration.baseURL = url
}
let stripe = StripeClient(apiKey: apiKey, configuration: configuration)
let workflows = CheckoutWorkflows(stripe: stripe)

let order = try OrderReference("quickstart-order-\(Int(Date().timeIntervalSince1970))")
let params = CheckoutSessionsAPI.CreateParams(
    cancelURL: "https://shop.example/cart",
    lineItems: [
        .init(priceData: .init(currency: "usd", productData: .init(name: "Blue mug"), unitAmount: 1_500), quantity: 2),
        .init(priceData: .init(currency: "usd", productData: .init(name: "Coaster"), unitAmount: 300), quantity: 4),
    ],
    metadata: ["order": order.value],
    mode: .payment,
    successURL: "https://shop.example/ok?session_id={CHECKOUT_SESSION_ID}")

print("1. Creating a session for \(order) (attempt 1, idempotency key checkout-session:\(order):1)")
let first = try await workflows.createSession(for: CheckoutAttempt(order: order, number: 1), params)
print("   \(first.id) status=\(first.status?.rawValue ?? "-") url=\(first.url ?? "-")")

print("2. Sending the same attempt again replays Stripe's answer instead of making a second session")
let replayed = try await workflows.createSession(for: CheckoutAttempt(order: order, number: 1), params)
print("   \(replayed.id) (same session: \(replayed.id == first.id))")

print("3. Finding the order's sessions by client_reference_id (Stripe cannot filter by it, so we page and match)")
for try await session in workflows.sessions(for: order) {
    print("   \(session.id) status=\(session.status?.rawValue ?? "-")")
}

print("4. Replacing it with attempt 2: the new session is created, then the old open one is expired")
let second = try await workflows.replaceOpenSession(for: CheckoutAttempt(order: order, number: 2), params)
let old = try await stripe.checkout.sessions.retrieve(first.id)
print("   new \(second.id) status=\(second.status?.rawValue ?? "-"); old \(old.id) status=\(old.status?.rawValue ?? "-")")

print("5. Line items of \(second.id)")
for try await item in stripe.checkout.sessions.listLineItems(second.id) {
    print("   \(item.quantity ?? 0) x \(item.description) = \(item.amountTotal) \(item.currency)")
}
