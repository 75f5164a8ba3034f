/// Marks every stored property that would hold a generated struct inline (`T`, `T?`, `Expandable<T>`,
/// `Unsettable<T>`) to be stored through a box. A struct's layout then stays a row of references, so the code the
/// compiler writes to copy and destroy it grows with its own fields, not with everything nested below them (on the
/// full spec that code was most of the build), and recursive schemas need no special case.
enum NestedStructBoxing {
    /// `module` with its models', params' and resource types' struct-holding properties marked `isIndirect`.
    static func boxNestedStructs(in module: TranslatedModule) -> TranslatedModule {
        var structs: Set<String> = []
        for decl in module.models { collectStructs(decl, qualifier: nil, into: &structs) }
        for resource in module.resources {
            for decl in resource.nested { collectStructs(decl, qualifier: resource.typeName, into: &structs) }
            for operation in resource.operations {
                collectStructs(.structure(operation.params), qualifier: resource.typeName, into: &structs)
            }
        }
        var result = module
        result.models = module.models.map { mark($0, structs: structs) }
        result.resources = module.resources.map { resource in
            var resource = resource
            resource.nested = resource.nested.map { mark($0, structs: structs) }
            resource.operations = resource.operations.map { operation in
                var operation = operation
                operation.params = mark(operation.params, structs: structs)
                return operation
            }
            return resource
        }
        return result
    }

    /// Adds the fully qualified names of `decl` and the structs nested in it.
    private static func collectStructs(_ decl: TypeDeclIR, qualifier: String?, into names: inout Set<String>) {
        guard case .structure(let value) = decl else { return }
        let name = qualifier.map { $0 + "." + value.name } ?? value.name
        names.insert(name)
        for nested in value.nested { collectStructs(nested, qualifier: name, into: &names) }
    }

    private static func mark(_ decl: TypeDeclIR, structs: Set<String>) -> TypeDeclIR {
        guard case .structure(let value) = decl else { return decl }
        return .structure(mark(value, structs: structs))
    }

    private static func mark(_ decl: StructIR, structs: Set<String>) -> StructIR {
        var result = decl
        for index in result.properties.indices where holdsStructInline(result.properties[index].type, structs: structs) {
            result.properties[index].isIndirect = true
        }
        result.nested = result.nested.map { mark($0, structs: structs) }
        return result
    }

    /// Whether a value of `type` stores one of `structs` inside itself; arrays and maps keep their elements on the
    /// heap already, and unions are indirect enums.
    static func holdsStructInline(_ type: TypeRef, structs: Set<String>) -> Bool {
        switch type {
        case .named(let name), .expandable(.named(let name)), .unsettable(.named(let name)):
            return structs.contains(name)
        default:
            return false
        }
    }
}
