import SpecYAML

/// The way from a tree's root to one of its nodes: at each level, the index of a mapping's pair or of a
/// sequence's item.
typealias NodeAddress = [Int]

extension JSONPath {
    /// The addresses of the nodes of `root` the expression selects, in document order.
    func matches(in root: YAMLNode) -> [NodeAddress] {
        var selected: [(address: NodeAddress, node: YAMLNode)] = [([], root)]
        for segment in segments {
            var next: [(address: NodeAddress, node: YAMLNode)] = []
            for (address, node) in selected {
                for (index, child) in Self.children(of: node, for: segment) {
                    next.append((address + [index], child))
                }
            }
            selected = next
        }
        return selected.map(\.address)
    }

    /// The children of `node` that `segment` selects, with their index in `node`.
    private static func children(of node: YAMLNode, for segment: Segment) -> [(Int, YAMLNode)] {
        switch (segment, node.content) {
        case (.name(let name), .mapping(let pairs)):
            return pairs.indices.filter { pairs[$0].keyText == name }.map { ($0, pairs[$0].value) }
        case (.wildcard, .mapping(let pairs)):
            return pairs.indices.map { ($0, pairs[$0].value) }
        case (.wildcard, .sequence(let items)):
            return Array(items.enumerated())
        case (.index(let index), .sequence(let items)):
            return items.indices.contains(index) ? [(index, items[index])] : []
        case (.filter(let field, let value), .mapping(let pairs)):
            return pairs.indices.filter { matches(pairs[$0].value, field: field, value: value) }.map { ($0, pairs[$0].value) }
        case (.filter(let field, let value), .sequence(let items)):
            return items.enumerated().filter { matches($0.element, field: field, value: value) }.map { ($0.offset, $0.element) }
        default:
            return []
        }
    }

    /// Whether the scalar at `field` below `candidate` equals `literal`: strings compare with any scalar's text
    /// that is not a plain number or boolean; numbers and booleans with plain scalars of that kind.
    private static func matches(_ candidate: YAMLNode, field: [String], value literal: Literal) -> Bool {
        var node = candidate
        for name in field {
            guard let child = node[name] else { return false }
            node = child
        }
        guard let scalar = node.scalar, !scalar.isNull else { return false }
        switch literal {
        case .string(let text):
            return scalar.text == text && (scalar.style != .plain || (scalar.bool == nil && scalar.double == nil))
        case .number(let number):
            return scalar.double == number
        case .bool(let bool):
            return scalar.bool == bool
        }
    }
}

extension YAMLNode {
    /// The node at `address`, when there is one.
    func node(at address: NodeAddress) -> YAMLNode? {
        var node = self
        for index in address {
            switch node.content {
            case .mapping(let pairs) where pairs.indices.contains(index): node = pairs[index].value
            case .sequence(let items) where items.indices.contains(index): node = items[index]
            default: return nil
            }
        }
        return node
    }

    /// Changes the node at `address` with `change`; nothing happens when there is no node there.
    mutating func modify(at address: ArraySlice<Int>, _ change: (inout YAMLNode) -> Void) {
        guard let index = address.first else {
            change(&self)
            return
        }
        let rest = address.dropFirst()
        switch content {
        case .mapping(var pairs) where pairs.indices.contains(index):
            content = .scalar(YAMLScalar(""))  // drops the tree's reference so `pairs` is changed in place
            pairs[index].value.modify(at: rest, change)
            content = .mapping(pairs)
        case .sequence(var items) where items.indices.contains(index):
            content = .scalar(YAMLScalar(""))
            items[index].modify(at: rest, change)
            content = .sequence(items)
        default:
            break
        }
    }

    /// Removes the child at `index` of this mapping or sequence.
    mutating func removeChild(at index: Int) {
        switch content {
        case .mapping(var pairs) where pairs.indices.contains(index):
            content = .scalar(YAMLScalar(""))
            pairs.remove(at: index)
            content = .mapping(pairs)
        case .sequence(var items) where items.indices.contains(index):
            content = .scalar(YAMLScalar(""))
            items.remove(at: index)
            content = .sequence(items)
        default:
            break
        }
    }
}
