#if Emulator
/// A dictionary that remembers which keys were set or removed since the changes were last taken, so the state
/// database writes one row per changed entry instead of the whole map.
struct TrackedMap<Value: Codable & Sendable>: Sendable {
    private(set) var entries: [String: Value] = [:]
    private var changed: Set<String> = []

    init(_ entries: [String: Value] = [:]) {
        self.entries = entries
    }

    /// The entry for `key`; setting nil removes it.
    subscript(key: String) -> Value? {
        get { entries[key] }
        set {
            entries[key] = newValue
            changed.insert(key)
        }
    }

    /// How many entries are held.
    var count: Int { entries.count }

    /// Removes the entries `remove` accepts.
    mutating func removeAll(where remove: (String, Value) -> Bool) {
        for (key, value) in entries where remove(key, value) {
            entries[key] = nil
            changed.insert(key)
        }
    }

    /// Forgets what changed, for a state kept in memory only.
    mutating func forgetChanges() {
        changed.removeAll(keepingCapacity: true)
    }

    /// What changed since the last call, sorted by key, each with its value or nil for one removed; then forgets it.
    mutating func takeChanges() -> [(id: String, value: Value?)] {
        defer { changed.removeAll(keepingCapacity: true) }
        return changed.sorted().map { (id: $0, value: entries[$0]) }
    }
}

extension TrackedMap: Codable {
    init(from decoder: any Decoder) throws {
        entries = try [String: Value](from: decoder)
    }

    func encode(to encoder: any Encoder) throws {
        try entries.encode(to: encoder)
    }
}
#endif
