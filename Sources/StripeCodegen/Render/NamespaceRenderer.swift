/// Prints the accessors that lead from the client to each resource: `stripe.checkout.sessions`.
struct NamespaceRenderer {
    let access: String

    func render(_ resources: [ResourceIR], into printer: inout CodePrinter) {
        // Children of each namespace path: sub-namespaces and resources, by accessor name.
        var children: [[String]: [String: String]] = [:]
        for resource in resources {
            for depth in 0..<resource.namespace.count {
                let parent = Array(resource.namespace.prefix(depth))
                let name = resource.namespace[depth]
                children[parent, default: [:]][name] = children[parent]?[name] ?? namespaceType(Array(resource.namespace.prefix(depth + 1)))
            }
            children[resource.namespace, default: [:]][resource.name] = resource.typeName
        }
        for parent in children.keys.sorted(by: { $0.joined(separator: ".") < $1.joined(separator: ".") }) {
            let members = children[parent] ?? [:]
            if parent.isEmpty {
                printer.block("extension \(RuntimeNames.client)") { body in accessors(members, client: "self", into: &body) }
            } else {
                let dotted = parent.joined(separator: ".")
                printer.doc(["The `\(dotted)` namespace."])
                printer.block("\(access)struct \(namespaceType(parent)): Sendable") { body in
                    body.doc(["The client the operations are sent with."])
                    body.line("\(access)let client: \(RuntimeNames.client)")
                    body.line()
                    body.doc(["Creates the namespace for `client`."])
                    body.block("\(access)init(client: \(RuntimeNames.client))") { $0.line("self.client = client") }
                    body.line()
                    accessors(members, client: "client", into: &body)
                }
            }
            printer.line()
        }
    }

    private func accessors(_ members: [String: String], client: String, into printer: inout CodePrinter) {
        for (index, name) in members.keys.sorted().enumerated() {
            guard let type = members[name] else { continue }
            if index > 0 { printer.line() }
            printer.doc(["The `\(name)` operations."])
            printer.line("\(access)var \(SwiftNames.escaped(SwiftNames.memberName(name))): \(type) { \(type)(client: \(client)) }")
        }
    }

    private func namespaceType(_ path: [String]) -> String {
        SwiftNames.typeName(path.joined(separator: "_")) + "Namespace"
    }
}
