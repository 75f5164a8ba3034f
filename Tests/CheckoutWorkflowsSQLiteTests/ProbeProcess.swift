#if SQLite
import ProbeProcessSupport
import Testing

extension ProbeProcess {
    /// Starts `checkout-sqlite-probe` with `arguments`.
    convenience init(_ arguments: [String]) throws {
        try self.init(executable: "checkout-sqlite-probe", arguments)
    }
}
#endif
