#if Emulator
/// The objects of one kind the emulator holds, by id and in creation order, listed newest first with Stripe's
/// cursors (`starting_after`, `ending_before`) the way every list endpoint pages.
struct ObjectTable<Value: Codable & Sendable>: Sendable {
    private(set) var objects: [String: Value] = [:]
    /// Ids, oldest first.
    private(set) var order: [String] = []
    /// Where each id sits in `order`.
    private var positions: [String: Int] = [:]
    /// Ids stored or removed since the last ``takeChanges()``, for a state database that writes only what changed.
    private var changed: Set<String> = []

    init() {}

    /// The object with `id`, if held.
    subscript(id: String) -> Value? {
        objects[id]
    }

    /// How many objects are held.
    var count: Int { order.count }

    /// Adds a new object (the newest) or replaces the one with the same id in place.
    mutating func store(_ value: Value, id: String) {
        changed.insert(id)
        if objects.updateValue(value, forKey: id) == nil {
            positions[id] = order.count
            order.append(id)
        }
    }

    /// Removes the object with `id`; its place in the order goes with it.
    mutating func remove(_ id: String) {
        guard objects.removeValue(forKey: id) != nil, let position = positions.removeValue(forKey: id) else { return }
        changed.insert(id)
        order.remove(at: position)
        for (index, later) in order.enumerated().dropFirst(position) { positions[later] = index }
    }

    /// What changed since the last call, oldest first (so new rows keep the creation order), each with its object,
    /// or nil for one removed; then forgets it.
    mutating func takeChanges() -> [(id: String, value: Value?)] {
        defer { changed.removeAll(keepingCapacity: true) }
        return changed.sorted { (positions[$0] ?? Int.max, $0) < (positions[$1] ?? Int.max, $1) }
            .map { (id: $0, value: objects[$0]) }
    }

    /// Forgets what changed, for a state kept in memory only.
    mutating func forgetChanges() {
        changed.removeAll(keepingCapacity: true)
    }

    /// Every object with its id, oldest first.
    var all: [(id: String, value: Value)] {
        order.compactMap { id in objects[id].map { (id: id, value: $0) } }
    }

    /// Every object, newest first.
    var newestFirst: some Sequence<Value> {
        order.reversed().lazy.compactMap { objects[$0] }
    }

    /// One page of the objects that pass `matches`, newest first, following the request's cursors. The walk is lazy
    /// (`matches` escapes so that the lazy `filter` is the one chosen): a page costs its own length, not the table's.
    func page(_ request: ListRequest, matching matches: @escaping (Value) -> Bool = { _ in true }) throws(APIError) -> (data: [Value], hasMore: Bool) {
        if let cursor = request.startingAfter {
            guard let position = positions[cursor] else { throw request.missingCursor(cursor, "starting_after") }
            let data = Array(order[..<position].reversed().lazy.compactMap { objects[$0] }.filter(matches).prefix(request.limit + 1))
            return (Array(data.prefix(request.limit)), data.count > request.limit)
        }
        if let cursor = request.endingBefore {
            guard let position = positions[cursor] else { throw request.missingCursor(cursor, "ending_before") }
            let data = Array(order[(position + 1)...].lazy.compactMap { objects[$0] }.filter(matches).prefix(request.limit + 1))
            return (Array(data.prefix(request.limit).reversed()), data.count > request.limit)
        }
        let data = Array(newestFirst.lazy.filter(matches).prefix(request.limit + 1))
        return (Array(data.prefix(request.limit)), data.count > request.limit)
    }
}

extension ObjectTable: Codable {
    enum CodingKeys: String, CodingKey { case objects, order }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        objects = try container.decode([String: Value].self, forKey: .objects)
        order = try container.decode([String].self, forKey: .order).filter { objects[$0] != nil }
        for (index, id) in order.enumerated() { positions[id] = index }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(objects, forKey: .objects)
        try container.encode(order, forKey: .order)
    }
}
#endif
