#if PostgreSQL
import Logging

extension Logger {
    /// A logger that drops everything: the default for queries when the caller gives none.
    static let checkoutPostgresSilent = Logger(label: "CheckoutWorkflowsPostgres") { _ in SwiftLogNoOpLogHandler() }
}
#endif
