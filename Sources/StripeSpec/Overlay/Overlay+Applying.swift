import SpecYAML

extension Overlay {
    /// Applies the actions in order to `root`, the tree of the spec at `specPath`; each action sees what the ones
    /// before it made. Problems are recorded at their place in the overlay file; a target that selects nothing
    /// is a warning.
    func apply(to root: inout YAMLNode, specPath: String, diagnostics: inout Diagnostics, origins: inout OverlayOrigins) {
        for action in actions {
            let addresses = action.target.matches(in: root)
            guard !addresses.isEmpty else {
                diagnostics.warning("target '\(action.target)' matches nothing in \(specPath)", at: action.targetLocation)
                continue
            }
            switch action.change {
            case .remove:
                if addresses.contains(where: \.isEmpty) {
                    diagnostics.error("cannot remove the root of the spec", at: action.targetLocation)
                    continue
                }
                // The addresses of one expression all have the same depth: removing the last first keeps the others valid.
                for address in addresses.sorted(by: { $0.lexicographicallyPrecedes($1) }).reversed() {
                    guard let last = address.last else { continue }
                    root.modify(at: address.dropLast()) { parent in parent.removeChild(at: last) }
                }
            case .update(let update):
                origins.record(update, from: path)
                for address in addresses {
                    guard let target = root.node(at: address) else { continue }
                    let place = "\(specPath):\(target.mark)"
                    switch (target.content, update.content) {
                    case (.mapping, .mapping):
                        root.modify(at: address[...]) { $0.merge(update) }
                    case (.mapping, _):
                        diagnostics.error("'update' must be a mapping to merge into the mapping '\(action.target)' "
                                          + "selects at \(place), not a \(update.kindName)", at: location(of: update))
                    case (.sequence, .sequence):
                        root.modify(at: address[...]) { $0.merge(update) }
                    case (.sequence, _):
                        root.modify(at: address[...]) { target in
                            if case .sequence(var items) = target.content {
                                target.content = .scalar(YAMLScalar(""))
                                items.append(update)
                                target.content = .sequence(items)
                            }
                        }
                    case (.scalar, _):
                        diagnostics.error("'\(action.target)' selects a \(target.kindName) at \(place); an update needs "
                                          + "a mapping or a sequence to merge into", at: action.targetLocation)
                    }
                }
            }
        }
    }

    private func location(of node: YAMLNode) -> SourceLocation { SourceLocation(path: path, mark: node.mark) }
}

extension YAMLNode {
    /// Merges `update` into this node: mappings key by key (recursively where both have a key), sequences by
    /// appending `update`'s items; otherwise `update` replaces the node. Nodes from `update` keep their marks.
    mutating func merge(_ update: YAMLNode) {
        switch (content, update.content) {
        case (.mapping(var pairs), .mapping(let additions)):
            content = .scalar(YAMLScalar(""))  // drops the tree's reference so `pairs` is changed in place
            for addition in additions {
                if let key = addition.keyText, let index = pairs.firstIndex(where: { $0.keyText == key }) {
                    pairs[index].value.merge(addition.value)
                } else {
                    pairs.append(addition)
                }
            }
            content = .mapping(pairs)
        case (.sequence(var items), .sequence(let additions)):
            content = .scalar(YAMLScalar(""))
            items.append(contentsOf: additions)
            content = .sequence(items)
        default:
            self = update
        }
    }
}
