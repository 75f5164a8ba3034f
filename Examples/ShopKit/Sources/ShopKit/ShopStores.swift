import CheckoutWorkflows
import CheckoutWorkflowsSQLite

/// Where the shop keeps what must hold across requests and servers: the per-order lock, the session index and
/// the handled webhook events. In memory by default (one server); `CheckoutWorkflowsPostgres` has shared ones.
public struct ShopStores: Sendable {
    /// Serialises checkout per order, so two requests never make two sessions for one cart.
    public var lock: any OrderLock
    /// Remembers each order's sessions, so checkout finds them without listing Stripe's.
    public var index: (any CheckoutSessionIndex)?
    /// The webhook events already handled, so a redelivery runs nothing twice.
    public var events: any ProcessedEventStore

    /// In-memory stores unless others are given.
    public init(lock: any OrderLock = InProcessOrderLock(), index: (any CheckoutSessionIndex)? = nil,
                events: any ProcessedEventStore = InMemoryProcessedEventStore()) {
        self.lock = lock
        self.index = index
        self.events = events
    }
}

extension ShopStores {
    /// The three stores on `database`, an SQLite file shared by the processes of one host that open it.
    /// `eventLease` is how long a webhook handler that died keeps its event before a redelivery may run it again.
    public static func sqlite(_ database: SQLiteCheckoutDatabase, eventLease: Duration = .seconds(300)) -> ShopStores {
        ShopStores(lock: SQLiteOrderLock(database: database), index: SQLiteCheckoutSessionIndex(database: database),
                   events: SQLiteProcessedEventStore(database: database, lease: eventLease))
    }
}
