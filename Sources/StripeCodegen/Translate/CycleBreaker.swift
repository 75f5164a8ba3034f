/// Finds stored properties through which a struct would contain itself, and boxes them with `@Indirect`.
/// Stripe's objects refer to each other (a payment intent's error names the payment intent), and Swift
/// structs cannot hold themselves by value.
enum CycleBreaker {
    static func breakCycles(in decls: [TypeDeclIR]) -> [TypeDeclIR] {
        var structs: Set<String> = []
        for decl in decls { if case .structure(let value) = decl { structs.insert(value.name) } }
        var edges: [String: Set<String>] = [:]
        for case .structure(let decl) in decls {
            edges[decl.name] = valueReferences(of: decl, owner: decl.name).filter(structs.contains)
        }
        var reach: [String: Set<String>] = [:]
        for name in structs { reach[name] = reachable(from: name, edges: edges) }
        return decls.map { decl in
            guard case .structure(let value) = decl else { return decl }
            return .structure(mark(value, owner: value.name, reach: reach))
        }
    }

    /// Top-level struct names a struct holds by value, through nested structs too.
    private static func valueReferences(of decl: StructIR, owner: String) -> Set<String> {
        var result: Set<String> = []
        for property in decl.properties {
            if let target = valueTarget(property.type, owner: owner) { result.insert(target) }
        }
        for case .structure(let nested) in decl.nested { result.formUnion(valueReferences(of: nested, owner: owner)) }
        return result
    }

    /// The top-level type a property stores inline, if any: a struct directly or inside `Expandable`.
    /// The owner's own nested types are walked as part of the owner, so they are not edges.
    private static func valueTarget(_ type: TypeRef, owner: String) -> String? {
        switch type {
        case .named(let name), .expandable(.named(let name)):
            let top = String(name.split(separator: ".").first ?? "")
            return name.contains(".") && top == owner ? nil : top
        default:
            return nil
        }
    }

    private static func reachable(from start: String, edges: [String: Set<String>]) -> Set<String> {
        var seen: Set<String> = []
        var stack = Array(edges[start] ?? [])
        while let next = stack.popLast() {
            guard seen.insert(next).inserted else { continue }
            stack.append(contentsOf: edges[next] ?? [])
        }
        return seen
    }

    private static func mark(_ decl: StructIR, owner: String, reach: [String: Set<String>]) -> StructIR {
        var result = decl
        for index in result.properties.indices {
            guard let target = valueTarget(result.properties[index].type, owner: owner) else { continue }
            if target == owner || reach[target]?.contains(owner) == true {
                result.properties[index].isIndirect = true
            }
        }
        result.nested = result.nested.map { nested in
            guard case .structure(let value) = nested else { return nested }
            return .structure(mark(value, owner: owner, reach: reach))
        }
        return result
    }
}
