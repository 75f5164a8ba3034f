/// The module's top-level names in the order they were taken, so a nested scope can avoid exactly the names taken
/// before it opened (a nested type named like a later top-level type is fine: it shadows nothing it uses).
struct TopLevelNames {
    private var scope = NameScope(reserved: NameTable.reserved)
    private var order: [String: Int] = [:]

    init(capacity: Int) {
        order.reserveCapacity(NameTable.reserved.count + capacity)
        for name in NameTable.reserved { order[name] = 0 }
    }

    /// How many names are taken so far; `wasTaken(_:before:)` tells which were taken before a mark.
    var mark: Int { order.count }

    /// `base`, or `base` + `suffix` (+ a number), whichever is free.
    mutating func claim(_ base: String, suffix: String) -> String {
        let name = scope.claim(base, suffix: suffix)
        order[name] = order.count
        return name
    }

    /// Whether `name` was taken when `mark` was the mark.
    func wasTaken(_ name: String, before mark: Int) -> Bool {
        guard let index = order[name] else { return false }
        return index < mark
    }
}
