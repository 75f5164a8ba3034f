#if PostgreSQL
import Crypto

/// The 64-bit key of a PostgreSQL advisory lock, derived from a namespace and a value so that every process
/// computes the same key for the same order, and keys of different namespaces do not meet by design.
public struct AdvisoryLockKey: Sendable, Hashable, CustomStringConvertible {
    /// The key as `pg_advisory_lock(bigint)` takes it.
    public let value: Int64

    /// The first 8 bytes (big-endian) of SHA-256 of `namespace`, a NUL byte and `name`.
    public init(namespace: String, name: String) {
        var hasher = SHA256()
        hasher.update(data: Array(namespace.utf8))
        hasher.update(data: [0])
        hasher.update(data: Array(name.utf8))
        let digest = Array(hasher.finalize())
        var bits: UInt64 = 0
        for byte in digest.prefix(8) { bits = bits << 8 | UInt64(byte) }
        value = Int64(bitPattern: bits)
    }

    public var description: String { String(value) }
}
#endif
