/// Hands out names that are unique in one scope, adding a suffix when a name is taken.
struct NameScope {
    /// Names taken while the scope is small (most structs and enums): comparing a few names is cheaper than
    /// hashing each one. Moved into `largeTaken` when it outgrows `listLimit`.
    private var smallTaken: [String] = []
    private var largeTaken: Set<String>?
    private static let listLimit = 16

    init(reserved: Set<String> = []) {
        if reserved.count > Self.listLimit {
            largeTaken = reserved
        } else {
            smallTaken = Array(reserved)
        }
    }

    func contains(_ name: String) -> Bool {
        largeTaken?.contains(name) ?? smallTaken.contains(name)
    }

    /// Takes `name` if it is free; whether it was.
    private mutating func insert(_ name: String) -> Bool {
        if largeTaken != nil { return largeTaken?.insert(name).inserted ?? false }
        if smallTaken.contains(name) { return false }
        if smallTaken.count == Self.listLimit {
            largeTaken = Set(smallTaken + [name])
            smallTaken = []
        } else {
            smallTaken.append(name)
        }
        return true
    }

    /// `base`, or `base` + `suffix`, or `base` + `suffix` + a number, whichever is free first.
    mutating func claim(_ base: String, suffix: String) -> String {
        if insert(base) { return base }
        if insert(base + suffix) { return base + suffix }
        var index = 2
        while !insert("\(base)\(suffix)\(index)") { index += 1 }
        return "\(base)\(suffix)\(index)"
    }

    /// `claim(_:suffix:)` where the names `isTakenElsewhere` accepts count as taken too (and are not inserted).
    mutating func claim(_ base: String, suffix: String, isTakenElsewhere: (String) -> Bool) -> String {
        if !isTakenElsewhere(base), insert(base) { return base }
        let suffixed = base + suffix
        if !isTakenElsewhere(suffixed), insert(suffixed) { return suffixed }
        var index = 2
        while true {
            let candidate = "\(base)\(suffix)\(index)"
            if !isTakenElsewhere(candidate), insert(candidate) { return candidate }
            index += 1
        }
    }
}
