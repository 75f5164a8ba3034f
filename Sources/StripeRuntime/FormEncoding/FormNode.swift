/// The intermediate tree a `FormEncoder` fills before flattening it into bracketed names.
///
/// A reference type so that containers handed out by the encoder can keep writing into the node
/// they were created for.
final class FormNode {
    /// What a node holds; it starts `empty` and becomes one of the other shapes on first write.
    enum Content {
        case empty
        case scalar(String)
        case object
        case array
    }

    var content: Content = .empty
    /// Named children, in the order they were first written.
    private(set) var entries: [(key: String, node: FormNode)] = []
    /// Positional children.
    private(set) var elements: [FormNode] = []
    /// Set for dictionaries: their keys have no declared order, so they are written sorted.
    var sortsKeys = false

    /// The child for `key`, created on first use (so a super-encoder and a field can share it).
    func child(forKey key: String) -> FormNode {
        content = .object
        if let existing = entries.first(where: { $0.key == key }) {
            return existing.node
        }
        let node = FormNode()
        entries.append((key, node))
        return node
    }

    /// A new child at the end of the list.
    func appendElement() -> FormNode {
        content = .array
        let node = FormNode()
        elements.append(node)
        return node
    }

    var elementCount: Int { elements.count }

    /// Marks this node as a (possibly still empty) object.
    func becomeObject() {
        if case .empty = content { content = .object }
    }

    /// Marks this node as a (possibly still empty) list.
    func becomeArray() {
        if case .empty = content { content = .array }
    }

    /// Appends this node's pairs under `name` (empty for the top level).
    func flatten(name: String, into fields: inout [FormField]) {
        switch content {
        case .empty:
            return
        case .scalar(let value):
            fields.append(FormField(name: name, value: value))
        case .object:
            let ordered = sortsKeys ? entries.sorted { $0.key < $1.key } : entries
            for (key, node) in ordered {
                node.flatten(name: name.isEmpty ? key : "\(name)[\(key)]", into: &fields)
            }
        case .array:
            flattenArray(name: name, into: &fields)
        }
    }

    private func flattenArray(name: String, into fields: inout [FormField]) {
        let present = elements.filter { if case .empty = $0.content { false } else { true } }
        if present.isEmpty {
            fields.append(FormField(name: name, value: ""))
            return
        }
        let allScalars = present.allSatisfy { if case .scalar = $0.content { true } else { false } }
        if allScalars {
            for node in present {
                node.flatten(name: "\(name)[]", into: &fields)
            }
        } else {
            for (index, node) in elements.enumerated() {
                node.flatten(name: "\(name)[\(index)]", into: &fields)
            }
        }
    }
}
