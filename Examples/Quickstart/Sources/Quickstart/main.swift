import CheckoutWorkflows
import Foundation
import StripeCheckout
import StripeRuntime

// One order through Checkout the right way: ask for the order's session (refreshing gets the same one), change
// the cart (a new session replaces the old), find the order's sessions by reference, and list what is bought.
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

func describe(_ decision: CheckoutDecision) -> String {
    switch decision {
    case .pay(let session): "pay \(session.id) status=\(session.status?.rawValue ?? "-") url=\(session.url ?? "-")"
    case .alreadyPaid(let session): "already paid by \(session.id)"
    case .paymentProcessing(let session): "payment processing on \(session.id)"
    }
}

print("1. Checking out \(order): no session yet, so one is made for this cart")
let first = try await workflows.checkout(order, params)
print("   \(describe(first))")

print("2. Checking out again with the same cart (a refresh, a double click) gives the same session")
let again = try await workflows.checkout(order, params)
print("   \(again.session.id) (same session: \(again.session.id == first.session.id))")

print("3. The customer adds a coaster: a new session for the new cart, and the old one is expired first")
var bigger = params
bigger.lineItems?[1].quantity = 5
let second = try await workflows.checkout(order, bigger)
let old = try await stripe.checkout.sessions.retrieve(first.session.id)
print("   new \(second.session.id) amount=\(second.session.amountTotal ?? 0); old \(old.id) status=\(old.status?.rawValue ?? "-")")

print("4. Finding the order's sessions by client_reference_id (Stripe cannot filter by it, so we page and match)")
for try await session in workflows.sessions(for: order) {
    print("   \(session.id) status=\(session.status?.rawValue ?? "-")")
}

print("5. Line items of \(second.session.id)")
for try await item in stripe.checkout.sessions.listLineItems(second.session.id) {
    print("   \(item.quantity ?? 0) x \(item.description ?? "-") = \(item.amountTotal ?? 0) \(item.currency ?? "-")")
}
