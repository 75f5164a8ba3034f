#if Emulator
import StripeRuntime

/// A form body or query string read back into the nested shape its bracketed names describe:
/// `line_items[0][price]=x` becomes an object holding an indexed list holding an object.
///
/// Keys keep the order in which they first appeared; `name[]=v` appends to a list.
indirect enum FormTree: Sendable, Hashable {
    /// A leaf value as sent.
    case value(String)
    /// Named children; numeric names stand for list positions until a schema says otherwise.
    case object([(key: String, tree: FormTree)])
    /// Children appended with empty brackets.
    case list([FormTree])

    static func == (lhs: FormTree, rhs: FormTree) -> Bool {
        switch (lhs, rhs) {
        case (.value(let a), .value(let b)): a == b
        case (.list(let a), .list(let b)): a == b
        case (.object(let a), .object(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.tree == $1.tree }
        default: false
        }
    }

    func hash(into hasher: inout Hasher) {
        switch self {
        case .value(let value): hasher.combine(0); hasher.combine(value)
        case .list(let items): hasher.combine(1); hasher.combine(items)
        case .object(let children):
            hasher.combine(2)
            for child in children { hasher.combine(child.key); hasher.combine(child.tree) }
        }
    }

    /// The empty top-level object.
    static let empty = FormTree.object([])

    /// The child named `key`, for objects.
    subscript(key: String) -> FormTree? {
        guard case .object(let children) = self else { return nil }
        return children.first { $0.key == key }?.tree
    }

    /// The leaf text, for values.
    var string: String? {
        if case .value(let value) = self { return value }
        return nil
    }

    /// The leaf read as a boolean as Stripe reads one: `true` or `false` in any case (Stripe's Python library sends
    /// `True` and `False`); `nil` for anything else.
    var bool: Bool? {
        switch string?.lowercased() {
        case "true"?: true
        case "false"?: false
        default: nil
        }
    }

    /// The elements of a list, whether sent as `a[]=` or as `a[0]=`, in index order; an empty
    /// value (`a=`) is the empty list.
    var elements: [FormTree]? {
        switch self {
        case .list(let items): return items
        case .value(let value): return value.isEmpty ? [] : nil
        case .object(let children):
            var indexed: [(Int, FormTree)] = []
            for child in children {
                guard let index = Int(child.key), index >= 0 else { return nil }
                indexed.append((index, child.tree))
            }
            return indexed.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    /// The named children of an object, in order.
    var children: [(key: String, tree: FormTree)]? {
        if case .object(let children) = self { return children }
        return nil
    }
}

/// A field whose name cannot be placed in the tree, such as `a=1` next to `a[b]=2`.
struct FormTreeConflict: Error, Sendable {
    /// The offending name in bracket syntax.
    var param: String
}

extension FormTree {
    /// Builds the tree for `fields`, throwing on names that contradict each other.
    static func build(_ fields: [FormField]) throws(FormTreeConflict) -> FormTree {
        var root = FormTree.empty
        for field in fields {
            let path = FormTree.segments(of: field.name)
            guard let first = path.first, !first.isEmpty else { continue }
            guard let updated = root.inserting(field.value, at: path[...]) else {
                throw FormTreeConflict(param: field.name)
            }
            root = updated
        }
        return root
    }

    /// Splits `a[b][0][]` into `["a", "b", "0", ""]`; text after a broken bracket stays in the name.
    /// Brackets are found among Unicode scalars, not characters: a bracket followed by a combining
    /// mark is one `Character` but still a bracket on the wire.
    static func segments(of name: String) -> [String] {
        let scalars = name.unicodeScalars
        guard let open = scalars.firstIndex(of: "[") else { return [name] }
        var result = [String(scalars[..<open])]
        var rest = scalars[open...]
        while rest.first == "[", let close = rest.firstIndex(of: "]") {
            result.append(String(rest[rest.index(after: rest.startIndex)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { result[result.count - 1] += String(rest) }
        return result
    }

    private func inserting(_ value: String, at path: ArraySlice<String>) -> FormTree? {
        guard let key = path.first else { return .value(value) }
        let rest = path.dropFirst()
        if key.isEmpty {
            var items: [FormTree]
            switch self {
            case .list(let existing): items = existing
            case .object(let children) where children.isEmpty: items = []
            default: return nil
            }
            guard let element = FormTree.empty.inserting(value, at: rest) else { return nil }
            if rest.isEmpty {
                items.append(element)
            } else if let last = items.last, case .object(let children) = last,
                      let firstKey = rest.first, !children.contains(where: { $0.key == firstKey }),
                      let merged = last.inserting(value, at: rest) {
                // `a[][x]=1&a[][y]=2` fills one element until a key repeats.
                items[items.count - 1] = merged
            } else {
                items.append(element)
            }
            return .list(items)
        }
        guard case .object(var children) = self else { return nil }
        if let index = children.firstIndex(where: { $0.key == key }) {
            if rest.isEmpty { return nil }
            guard let updated = children[index].tree.inserting(value, at: rest) else { return nil }
            children[index].tree = updated
        } else {
            guard let child = FormTree.empty.inserting(value, at: rest) else { return nil }
            children.append((key, child))
        }
        return .object(children)
    }
}

extension FormTree {
    /// The tree as JSON, every value a string as it was sent, to keep a request's parameters for later.
    var json: JSONValue {
        switch self {
        case .value(let value): .string(value)
        case .list(let items): .array(items.map(\.json))
        case .object(let children): .object(Dictionary(children.map { ($0.key, $0.tree.json) }, uniquingKeysWith: { _, last in last }))
        }
    }
}
#endif
