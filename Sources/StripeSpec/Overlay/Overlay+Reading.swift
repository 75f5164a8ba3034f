import SpecYAML

extension Overlay {
    /// The top-level keys an overlay may have besides `x-` extensions.
    static let keys = ["overlay", "info", "extends", "actions"]

    /// Reads the overlay file at `path`.
    static func load(contentsOf path: String) throws(SpecError) -> Overlay {
        let root: YAMLNode
        do {
            root = try YAMLLoader.load(contentsOf: path)
        } catch {
            throw SpecError(diagnostics: [Diagnostic(.error, error.message, at: SourceLocation(path: error.path, mark: error.mark))])
        }
        return try read(root, path: path)
    }

    /// Reads an overlay's YAML tree; every problem is an error at its place in `path`.
    static func read(_ root: YAMLNode, path: String) throws(SpecError) -> Overlay {
        var diagnostics = Diagnostics()
        func place(_ node: YAMLNode) -> SourceLocation { SourceLocation(path: path, mark: node.mark) }
        guard let pairs = root.pairs else {
            throw SpecError(diagnostics: [Diagnostic(.error, "an overlay must be a mapping, found a \(root.kindName)",
                                                     at: place(root))])
        }
        for pair in pairs {
            guard let key = pair.keyText, keys.contains(key) || key.hasPrefix("x-") else {
                diagnostics.error("unknown overlay key '\(pair.keyText ?? "?")' (known: \(keys.joined(separator: ", ")), x-...)",
                                  at: place(pair.key))
                continue
            }
        }
        if let version = root["overlay"] {
            if version.scalar == nil || !(version.string ?? "").hasPrefix("1.") {
                diagnostics.error("expected 'overlay: 1.0.0', found '\(version.string ?? version.kindName)'", at: place(version))
            }
        } else {
            diagnostics.error("an overlay starts with 'overlay: 1.0.0'", at: place(root))
        }
        var title = "", version = ""
        if let info = root["info"] {
            if info.pairs == nil {
                diagnostics.error("'info' must be a mapping with 'title' and 'version'", at: place(info))
            } else {
                for key in ["title", "version"] {
                    if let value = info[key], let text = value.string, value.scalar != nil {
                        if key == "title" { title = text } else { version = text }
                    } else {
                        diagnostics.error("'info' needs a string '\(key)'", at: place(info[key] ?? info))
                    }
                }
            }
        } else {
            diagnostics.error("an overlay needs 'info' with 'title' and 'version'", at: place(root))
        }
        var actions: [Action] = []
        if let list = root["actions"] {
            if let items = list.items, !items.isEmpty {
                for item in items {
                    if let action = readAction(item, path: path, diagnostics: &diagnostics) { actions.append(action) }
                }
            } else {
                diagnostics.error("'actions' must be a non-empty list of actions", at: place(list))
            }
        } else {
            diagnostics.error("an overlay needs 'actions'", at: place(root))
        }
        if diagnostics.hasErrors { throw SpecError(diagnostics: diagnostics.sorted) }
        return Overlay(path: path, title: title, version: version, actions: actions)
    }

    /// One entry of `actions`, or nil after recording why it is not one.
    private static func readAction(_ node: YAMLNode, path: String, diagnostics: inout Diagnostics) -> Action? {
        func place(_ node: YAMLNode) -> SourceLocation { SourceLocation(path: path, mark: node.mark) }
        guard let pairs = node.pairs else {
            diagnostics.error("an action must be a mapping with 'target' and 'update' or 'remove'", at: place(node))
            return nil
        }
        var valid = true
        for pair in pairs {
            let key = pair.keyText ?? "?"
            if !["target", "description", "update", "remove"].contains(key), !key.hasPrefix("x-") {
                diagnostics.error("unknown action key '\(key)' (known: target, description, update, remove, x-...)",
                                  at: place(pair.key))
                valid = false
            }
        }
        guard let targetNode = node["target"] else {
            diagnostics.error("an action needs a 'target' (a JSONPath expression)", at: place(node))
            return nil
        }
        guard let text = targetNode.string, targetNode.scalar != nil else {
            diagnostics.error("'target' must be a JSONPath expression, not a \(targetNode.kindName)", at: place(targetNode))
            return nil
        }
        let target: JSONPath
        do {
            target = try JSONPath.parse(text)
        } catch {
            diagnostics.error("invalid JSONPath '\(text)': \(error.message)",
                              at: SourceLocation(path: path, mark: mark(of: error.offset, in: targetNode)))
            return nil
        }
        var description: String?
        if let node = node["description"] {
            if let text = node.string, node.scalar != nil {
                description = text
            } else {
                diagnostics.error("'description' must be a string", at: place(node))
                valid = false
            }
        }
        let remove = node["remove"]
        let removes: Bool
        if let remove {
            guard let flag = remove.scalar?.bool else {
                diagnostics.error("'remove' must be true or false", at: place(remove))
                return nil
            }
            removes = flag
        } else {
            removes = false
        }
        let change: Action.Change
        switch (node["update"], removes) {
        case (let update?, false):
            change = .update(update)
        case (nil, true):
            change = .remove
        case (_?, true):
            diagnostics.error("an action either updates or removes its target, not both", at: place(remove ?? node))
            return nil
        case (nil, false):
            diagnostics.error("an action needs 'update' or 'remove: true'", at: place(node))
            return nil
        }
        guard valid else { return nil }
        return Action(target: target, targetLocation: place(targetNode), description: description, change: change)
    }

    /// Where the character at `offset` of a one-line scalar is, when its style makes that exact; else the scalar's start.
    private static func mark(of offset: Int, in node: YAMLNode) -> Mark {
        switch node.scalar?.style {
        case .plain?: return Mark(line: node.mark.line, column: node.mark.column + offset)
        case .singleQuoted?, .doubleQuoted?: return Mark(line: node.mark.line, column: node.mark.column + 1 + offset)
        default: return node.mark
        }
    }
}
