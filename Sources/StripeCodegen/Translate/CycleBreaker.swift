/// Finds stored properties through which a struct would contain itself, and boxes them with `@Indirect`.
/// Stripe's objects refer to each other (a payment intent's error names the payment intent), and Swift
/// structs cannot hold themselves by value.
enum CycleBreaker {
    /// A property of struct `owner` holding struct `target` is an edge owner -> target, so the target contains the
    /// owner exactly when both lie in one strongly connected component of the "holds by value" graph.
    static func breakCycles(in decls: [TypeDeclIR]) -> [TypeDeclIR] {
        var structIndex: [String: Int] = [:]
        var structDecls: [StructIR] = []
        for case .structure(let decl) in decls {
            structIndex[decl.name] = structDecls.count
            structDecls.append(decl)
        }
        let successors = structDecls.map { decl in
            var targets: [Int] = []
            appendValueReferences(of: decl, owner: decl.name, structIndex: structIndex, to: &targets)
            return targets
        }
        let component = StronglyConnectedComponents.components(of: successors)
        var componentSizes = [Int](repeating: 0, count: structDecls.count)
        for number in component { componentSizes[number] += 1 }
        return decls.map { decl in
            guard case .structure(let value) = decl, let owner = structIndex[value.name] else { return decl }
            // Alone in its component and not holding itself: nothing to box, and the struct is not copied.
            guard componentSizes[component[owner]] > 1 || successors[owner].contains(owner) else { return decl }
            return .structure(mark(value, owner: value.name) { target in
                structIndex[target].map { component[$0] == component[owner] } ?? false
            })
        }
    }

    /// Indices of the top-level structs a struct holds by value, through nested structs too.
    private static func appendValueReferences(of decl: StructIR, owner: String, structIndex: [String: Int],
                                              to targets: inout [Int]) {
        for property in decl.properties {
            if let target = valueTarget(property.type, owner: owner), let index = structIndex[target] {
                targets.append(index)
            }
        }
        for case .structure(let nested) in decl.nested {
            appendValueReferences(of: nested, owner: owner, structIndex: structIndex, to: &targets)
        }
    }

    /// The top-level type a property stores inline, if any: a struct directly or inside `Expandable`.
    /// The owner's own nested types are walked as part of the owner, so they are not edges.
    private static func valueTarget(_ type: TypeRef, owner: String) -> String? {
        switch type {
        case .named(let name), .expandable(.named(let name)):
            guard let dot = name.utf8.firstIndex(of: UInt8(ascii: ".")), dot != name.utf8.startIndex else {
                guard name.utf8.first == UInt8(ascii: ".") else { return name }
                // A leading dot (never generated): the first non-empty part, as `split` gives it.
                let top = String(name.split(separator: ".").first ?? "")
                return top == owner ? nil : top
            }
            let top = name.utf8[..<dot]
            return top.elementsEqual(owner.utf8) ? nil : String(Substring(top))
        default:
            return nil
        }
    }

    /// `decl` with every property whose value target `containsOwner` boxed, nested structs included.
    private static func mark(_ decl: StructIR, owner: String, containsOwner: (String) -> Bool) -> StructIR {
        var result = decl
        for index in result.properties.indices {
            guard let target = valueTarget(result.properties[index].type, owner: owner) else { continue }
            if containsOwner(target) {
                result.properties[index].isIndirect = true
            }
        }
        result.nested = result.nested.map { nested in
            guard case .structure(let value) = nested else { return nested }
            return .structure(mark(value, owner: owner, containsOwner: containsOwner))
        }
        return result
    }
}
