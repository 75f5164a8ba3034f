#if SQLite
extension Duration {
    /// The duration in seconds, with its fraction, as the tables store times (unix seconds, `REAL`).
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

/// The current time in unix seconds with milliseconds, as SQLite computes it; one value per statement.
let sqlNow = "unixepoch('subsec')"
#endif
