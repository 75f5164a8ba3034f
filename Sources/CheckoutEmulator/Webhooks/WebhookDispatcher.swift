#if Emulator
import Foundation
import StripeRuntime

/// What became of one event's delivery.
public struct WebhookDeliveryRecord: Sendable, Hashable {
    /// The event id (`evt_…`).
    public var eventID: String
    /// The event type, e.g. `checkout.session.completed`.
    public var type: String
    /// How many times it was posted.
    public var attempts: Int
    /// The status of the last answer, if any arrived.
    public var lastStatus: Int?
    /// Whether an attempt got a 2xx answer.
    public var delivered: Bool
}

/// Posts events to the configured endpoint, signed like Stripe signs them, and retries
/// deliveries that fail or get a non-2xx answer on the policy's schedule.
actor WebhookDispatcher {
    private let url: URL?
    private let signer: WebhookSigner
    private let policy: WebhookRetryPolicy
    private let transport: any HTTPTransport
    private var records: [String: WebhookDeliveryRecord] = [:]
    /// Event ids with the sequence number the engine gave each event (enqueueing tasks may run out of order).
    private var order: [(eventID: String, sequence: Int)] = []
    private var tasks: [String: Task<Void, Never>] = [:]

    init(url: URL?, secret: String, policy: WebhookRetryPolicy, transport: any HTTPTransport = URLSessionTransport()) {
        self.url = url
        self.signer = WebhookSigner(secret: secret)
        self.policy = policy
        self.transport = transport
    }

    /// Every delivery so far, in the order the events happened.
    var deliveries: [WebhookDeliveryRecord] {
        order.sorted { $0.sequence < $1.sequence }.compactMap { records[$0.eventID] }
    }

    /// Starts delivering `payload` in the background; nothing happens without an endpoint.
    func enqueue(eventID: String, type: String, payload: Data, sequence: Int) {
        guard let url else { return }
        records[eventID] = WebhookDeliveryRecord(eventID: eventID, type: type, attempts: 0, lastStatus: nil, delivered: false)
        order.append((eventID, sequence))
        tasks[eventID] = Task { await self.deliver(eventID: eventID, payload: payload, to: url) }
    }

    /// Stops pending retries.
    func cancelAll() {
        for task in tasks.values { task.cancel() }
        tasks.removeAll()
    }

    private func deliver(eventID: String, payload: Data, to url: URL) async {
        defer { tasks[eventID] = nil }
        // Attempts start at their offsets from the first, however long each one took.
        let clock = ContinuousClock()
        let start = clock.now
        for (index, offset) in policy.attemptOffsets.enumerated() {
            let attempt = index + 1
            if attempt > 1 {
                do { try await Task.sleep(until: start + offset, clock: clock) } catch { return }
            }
            let request = HTTPRequest(
                method: .post, url: url,
                headers: [
                    "Content-Type": "application/json; charset=utf-8",
                    "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
                    "Stripe-Signature": signer.header(for: payload),
                ],
                body: payload, timeout: policy.timeout
            )
            let status = try? await transport.send(request).status
            records[eventID]?.attempts = attempt
            records[eventID]?.lastStatus = status
            if let status, (200..<300).contains(status) {
                records[eventID]?.delivered = true
                return
            }
        }
    }
}
#endif
