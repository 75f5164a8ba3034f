/// Which params types check something before a request is sent, and the check each property makes. A type checks
/// something when one of its properties has a length limit or holds a type that checks something, so only those
/// types print a `validate(at:)`; the rest keep the runtime's default, which accepts every value.
enum ParamsValidation {
    /// The statement that checks `property`, or `nil` when nothing about it is checked.
    static func check(_ property: PropertyIR, validating: Set<String>) -> CodeText? {
        let name = PropertyAccess.read(property.swiftName, locals: ["path"])
        let at = "at: path.appending(\(SwiftNames.literal(property.jsonName)))"
        switch property.type {
        case .string, .unsettable(.string), .array(.string), .unsettable(.array(.string)):
            return property.maxLength.map { "try \(RuntimeNames.parameterCheck).maxLength(\(name), \($0), \(at))" }
        case .named(let type), .unsettable(.named(let type)):
            return validating.contains(type) ? "try \(RuntimeNames.parameterCheck).nested(\(name), \(at))" : nil
        case .array(.named(let type)), .unsettable(.array(.named(let type))):
            return validating.contains(type) ? "try \(RuntimeNames.parameterCheck).each(\(name), \(at))" : nil
        default:
            return nil
        }
    }

    /// Qualified names of the params structs and unions of `resources` that check something, found by growing the
    /// set until no type joins it (a type may hold one declared after it).
    static func validatingTypes(_ resources: [ResourceIR]) -> Set<String> {
        var structs: [String: StructIR] = [:]
        var unions: [String: UnionIR] = [:]
        func collect(_ decl: TypeDeclIR, prefix: String) {
            let qualified = prefix + "." + decl.name
            switch decl {
            case .structure(let value) where value.isParams:
                structs[qualified] = value
                for nested in value.nested { collect(nested, prefix: qualified) }
            case .union(let value) where value.isParams:
                unions[qualified] = value
            default:
                break
            }
        }
        for resource in resources {
            for operation in resource.operations { collect(.structure(operation.params), prefix: resource.typeName) }
            for nested in resource.nested { collect(nested, prefix: resource.typeName) }
        }
        var validating: Set<String> = []
        var grew = true
        while grew {
            grew = false
            for (name, value) in structs where !validating.contains(name)
                && value.properties.contains(where: { check($0, validating: validating) != nil }) {
                validating.insert(name)
                grew = true
            }
            for (name, value) in unions where !validating.contains(name) && value.members.contains(where: {
                if case .named(let type) = $0.type { return validating.contains(type) } else { return false }
            }) {
                validating.insert(name)
                grew = true
            }
        }
        return validating
    }
}
