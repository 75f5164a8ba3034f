#if SQLite
import Logging

extension Logger {
    /// A logger that drops everything: the default when the caller gives none.
    static let checkoutSQLiteSilent = Logger(label: "CheckoutWorkflowsSQLite") { _ in SwiftLogNoOpLogHandler() }
}
#endif
