#if PostgreSQL
/// Where the checkout stores keep their tables: an optional PostgreSQL schema and a table-name prefix, checked
/// once here because both are written into SQL text (they cannot be bound as parameters).
public struct PostgresCheckoutTables: Sendable, Hashable {
    /// The schema holding the tables; nil for the connection's `search_path` (usually `public`).
    public let schema: String?
    /// Prepended to every table name, e.g. `checkout_` gives `checkout_processed_events`.
    public let prefix: String

    /// Tables named `prefix` + their name inside `schema`. Both must be lower-case letters, digits and
    /// underscores, not starting with a digit, short enough for PostgreSQL's 63-byte names; else throws
    /// ``PostgresCheckoutError`` of kind `.invalidIdentifier`.
    public init(schema: String? = nil, prefix: String = "checkout_") throws {
        if let schema { try Self.check(schema, what: "schema", allowEmpty: false, maxLength: 63) }
        // The longest suffix is `processed_events` (16 bytes).
        try Self.check(prefix, what: "table prefix", allowEmpty: true, maxLength: 63 - 16)
        self.schema = schema
        self.prefix = prefix
    }

    /// Remembers which schema versions were applied: `version`, `description`, `applied_at`.
    public var schemaVersions: String { qualified("schema_versions") }
    /// One row per webhook event id seen, for ``PostgresProcessedEventStore``.
    public var processedEvents: String { qualified("processed_events") }
    /// One row per Checkout Session, for ``PostgresCheckoutSessionIndex``.
    public var checkoutSessions: String { qualified("checkout_sessions") }

    /// `name` with the prefix, inside the schema when there is one.
    func qualified(_ name: String) -> String {
        schema.map { "\($0).\(prefix)\(name)" } ?? "\(prefix)\(name)"
    }

    /// `name` with the prefix but without the schema, for index names (which live in their table's schema).
    func unqualified(_ name: String) -> String { "\(prefix)\(name)" }

    private static func check(_ value: String, what: String, allowEmpty: Bool, maxLength: Int) throws {
        let bytes = Array(value.utf8)
        let valid = (allowEmpty || !bytes.isEmpty) && bytes.count <= maxLength
            && bytes.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F }
            && !(bytes.first.map { (0x30...0x39).contains($0) } ?? false)
        guard valid else {
            throw PostgresCheckoutError(
                .invalidIdentifier,
                operation: "checking the \(what) (lower-case letters, digits and _, not starting with a digit, at most \(maxLength) bytes)",
                input: value)
        }
    }
}
#endif
