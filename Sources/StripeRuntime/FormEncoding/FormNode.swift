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

    /// Appends this node's pairs under `name` (empty for the top level), `path` naming the same place.
    /// Throws an `invalidParameter` error for a map key that would make the bracketed name ambiguous:
    /// one holding `[` or `]`, or an empty one (`metadata[]=v` reads as a list). Field names of
    /// structs come from code and are written as they are.
    func flatten(name: String, path: ParameterPath = .root, into fields: inout [FormField]) throws(StripeError) {
        switch content {
        case .empty:
            return
        case .scalar(let value):
            fields.append(FormField(name: name, value: value))
        case .object:
            let ordered = sortsKeys ? entries.sorted { $0.key < $1.key } : entries
            for (key, node) in ordered {
                if sortsKeys { try Self.checkMapKey(key, at: path) }
                try node.flatten(name: name.isEmpty ? key : "\(name)[\(key)]", path: path.appending(key), into: &fields)
            }
        case .array:
            try flattenArray(name: name, path: path, into: &fields)
        }
    }

    /// Rejects map keys that cannot be written unambiguously inside brackets.
    static func checkMapKey(_ key: String, at path: ParameterPath) throws(StripeError) {
        if key.isEmpty {
            throw StripeError.invalidParameter(path: path, reason: "has an empty key, which a form body cannot carry")
        }
        if key.utf8.contains(UInt8(ascii: "[")) || key.utf8.contains(UInt8(ascii: "]")) {
            let shown = key.count > 40 ? String(key.prefix(40)) + "…" : key
            throw StripeError.invalidParameter(
                path: path, reason: "has the key \"\(shown)\", which contains [ or ]; such a key makes the form name ambiguous"
            )
        }
    }

    private func flattenArray(name: String, path: ParameterPath, into fields: inout [FormField]) throws(StripeError) {
        let present = elements.filter { if case .empty = $0.content { false } else { true } }
        if present.isEmpty {
            fields.append(FormField(name: name, value: ""))
            return
        }
        let allScalars = present.allSatisfy { if case .scalar = $0.content { true } else { false } }
        if allScalars {
            for (index, node) in elements.enumerated() {
                try node.flatten(name: "\(name)[]", path: path.appending(index: index), into: &fields)
            }
        } else {
            for (index, node) in elements.enumerated() {
                try node.flatten(name: "\(name)[\(index)]", path: path.appending(index: index), into: &fields)
            }
        }
    }
}
