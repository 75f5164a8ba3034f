/// Prints structs, open enums and unions.
struct TypeRenderer {
    /// `public ` or empty, for the chosen access level.
    let access: String
    /// Qualified names of the params structs and unions, which validate themselves.
    let paramsTypes: Set<String>
    /// Enums already printed, shared with the other printers of the same output.
    let printedEnums: PrintedEnums

    func render(_ decl: TypeDeclIR, into printer: inout CodePrinter) {
        switch decl {
        case .structure(let structure): render(structure, into: &printer)
        case .enumeration(let enumeration): render(enumeration, into: &printer)
        case .union(let union): render(union, into: &printer)
        }
    }

    // MARK: Structs

    func render(_ decl: StructIR, into printer: inout CodePrinter) {
        var conformances = decl.isParams ? [RuntimeNames.params] : ["Codable", "Hashable", "Sendable"]
        if decl.isIdentifiable && !decl.isParams { conformances.append(RuntimeNames.identifiable) }
        printer.doc(decl.documentation)
        // Each property's Swift type, spelled once for the declaration, the initializer and the decoding.
        let types = decl.properties.map(\.type.swift)
        printer.block("\(access)struct \(decl.name): \(conformances.joined(separator: ", "))") { body in
            for (index, property) in decl.properties.enumerated() {
                body.doc(property.documentation.lines)
                let type = types[index] + (property.optional ? "?" : "")
                let wrapper = property.isIndirect ? "@\(RuntimeNames.indirect) " : ""
                body.line("\(wrapper)\(access)var \(property.swiftName): \(type)")
            }
            if !decl.properties.isEmpty { body.line() }
            renderInit(decl, types: types, into: &body)
            if decl.isParams {
                body.line()
                renderParamsEncoding(decl, into: &body)
                body.line()
                renderValidation(decl, into: &body)
            } else {
                body.line()
                renderDecoding(decl, types: types, into: &body)
                renderMissingRequiredFields(decl, into: &body)
            }
            if !decl.expandableFields.isEmpty {
                body.line()
                renderEnum(RuntimeNames.expandableField,
                           documentation: ["The fields a request can expand from an id into the whole object."],
                           cases: decl.expandableFields, into: &body)
            }
            for nested in decl.nested {
                body.line()
                render(nested, into: &body)
            }
        }
    }

    private func renderInit(_ decl: StructIR, types: [String], into printer: inout CodePrinter) {
        printer.doc(["Creates a value from its fields; optional fields default to `nil`."])
        guard !decl.properties.isEmpty else {
            printer.line("\(access)init() {}")
            return
        }
        let arguments = decl.properties.indices.map { index in
            let property = decl.properties[index]
            // A required field a response may lack is optional, but building a value still asks for it.
            let optionality = property.toleratesAbsence ? "?" : property.optional ? "? = nil" : ""
            return property.swiftName + ": " + types[index] + optionality
        }
        printer.line("\(access)init(")
        printer.indented(arguments.enumerated().map { $1 + ($0 < arguments.count - 1 ? "," : "") })
        printer.block(")") { body in
            for property in decl.properties {
                let name = SwiftNames.bare(property.swiftName)
                body.line("self.\(name) = \(property.swiftName)")
            }
        }
    }

    private func renderDecoding(_ decl: StructIR, types: [String], into printer: inout CodePrinter) {
        printer.block("\(access)init(from decoder: any Decoder) throws") { body in
            if decl.properties.isEmpty { return }
            body.line("let container = try decoder.container(keyedBy: \(RuntimeNames.fieldKey).self)")
            for (index, property) in decl.properties.enumerated() {
                body.line(CodingStatements.decode(property, type: types[index]))
            }
        }
        printer.line()
        printer.block("\(access)func encode(to encoder: any Encoder) throws") { body in
            if decl.properties.isEmpty { return }
            body.line("var container = encoder.container(keyedBy: \(RuntimeNames.fieldKey).self)")
            for property in decl.properties { body.line(CodingStatements.encode(property)) }
        }
    }

    /// The required fields a value lacks, by wire name: only fields that tolerate absence can be `nil`, so a
    /// `nil` among them always means absent, never a value.
    private func renderMissingRequiredFields(_ decl: StructIR, into printer: inout CodePrinter) {
        let tolerated = decl.properties.filter(\.toleratesAbsence)
        guard !tolerated.isEmpty else { return }
        printer.line()
        printer.doc(["The fields the spec requires that this value lacks, by wire name (an object from another API",
                     "version may lack some); empty when it has them all."])
        printer.block("\(access)var \(AbsentFieldRules.listName): [String]") { getter in
            getter.line("var names: [String] = []")
            for property in tolerated {
                getter.line("if \(property.swiftName) == nil { names.append(\(SwiftNames.literal(property.jsonName))) }")
            }
            getter.line("return names")
        }
    }

    /// Params keep dates and decimals as such, so the form encoder writes them the way Stripe reads them. A params
    /// object without fields still opens its container: it is an empty object, not an empty (clearing) value.
    private func renderParamsEncoding(_ decl: StructIR, into printer: inout CodePrinter) {
        printer.block("\(access)func encode(to encoder: any Encoder) throws") { body in
            if decl.properties.isEmpty {
                body.line("_ = encoder.container(keyedBy: \(RuntimeNames.fieldKey).self)")
                return
            }
            body.line("var container = encoder.container(keyedBy: \(RuntimeNames.fieldKey).self)")
            for property in decl.properties { body.line(CodingStatements.encodeParameter(property)) }
        }
    }

    private func renderValidation(_ decl: StructIR, into printer: inout CodePrinter) {
        let checks = decl.properties.compactMap(validation)
        printer.doc(["Checks length limits here and in nested parameters before anything is sent."])
        printer.block("\(access)func validate(at path: \(RuntimeNames.parameterPath)) throws") { body in
            for check in checks { body.line(check) }
        }
    }

    private func validation(_ property: PropertyIR) -> String? {
        let name = property.swiftName
        let at = "at: path.appending(\(SwiftNames.literal(property.jsonName)))"
        switch property.type {
        case .string, .unsettable(.string), .array(.string), .unsettable(.array(.string)):
            return property.maxLength.map { "try \(RuntimeNames.parameterCheck).maxLength(\(name), \($0), \(at))" }
        case .named(let type), .unsettable(.named(let type)):
            return paramsTypes.contains(type) ? "try \(RuntimeNames.parameterCheck).nested(\(name), \(at))" : nil
        case .array(.named(let type)), .unsettable(.array(.named(let type))):
            return paramsTypes.contains(type) ? "try \(RuntimeNames.parameterCheck).each(\(name), \(at))" : nil
        default:
            return nil
        }
    }

    // MARK: Enums

    func render(_ decl: EnumIR, into printer: inout CodePrinter) {
        guard decl.values.count >= PrintedEnums.minimumValues else {
            renderEnum(decl.name, documentation: decl.documentation, cases: decl.cases,
                       into: &printer)
            return
        }
        let key = PrintedEnums.Key(name: decl.name, documentation: decl.documentation, values: decl.values,
                                   indentation: printer.depth)
        if let text = printedEnums.text(for: key) {
            printer.append(printed: text)
            return
        }
        let start = printer.end
        renderEnum(decl.name, documentation: decl.documentation, cases: decl.cases,
                   into: &printer)
        printedEnums.store(printer.printed(since: start), for: key)
    }

    /// An open enum with the given cases (Swift name and raw value).
    private func renderEnum(_ name: String, documentation: [String], cases: [EnumCase],
                            into printer: inout CodePrinter) {
        printer.doc(documentation + ["", "Values this version does not know decode as `unrecognized`, so new ones never fail."])
        printer.block("\(access)enum \(name): \(RuntimeNames.stripeEnum)") { body in
            for item in cases { body.line("case \(item.name)") }
            body.doc(["A value this version does not know yet."])
            body.line("case unrecognized(String)")
            body.line()
            body.doc(["Every known value."])
            // Reading a wire string, equality and hashing come from `StripeEnum`, through `rawValue`.
            let bareNames = cases.map { SwiftNames.bare($0.name) }
            let literals = cases.map { SwiftNames.literal($0.rawValue) }
            let all = bareNames.map { "." + $0 }.joined(separator: ", ")
            body.line("\(access)static let allCases: [\(name)] = [\(all)]")
            body.line()
            body.block("\(access)var rawValue: String") { getter in
                getter.line("switch self {")
                for index in cases.indices {
                    getter.line("case ." + bareNames[index] + ": return " + literals[index])
                }
                getter.line("case .unrecognized(let value): return value")
                getter.line("}")
            }
        }
    }

    // MARK: Unions

    func render(_ decl: UnionIR, into printer: inout CodePrinter) {
        let identifiable = !decl.isParams && !decl.members.isEmpty && decl.members.allSatisfy(\.isIdentifiable)
        var conformances = decl.isParams ? [RuntimeNames.params] : ["Codable", "Hashable", "Sendable"]
        if identifiable { conformances.append(RuntimeNames.identifiable) }
        printer.doc(decl.documentation)
        printer.block("\(access)indirect enum \(decl.name): \(conformances.joined(separator: ", "))") { body in
            for member in decl.members { body.line("case \(member.caseName)(\(member.type.swift))") }
            if identifiable {
                body.line()
                body.doc(["The object's id, whichever member it is."])
                body.block("\(access)var id: String") { getter in
                    getter.line("switch self {")
                    for member in decl.members { getter.line("case .\(bare(member.caseName))(let value): return value.id") }
                    getter.line("}")
                }
            }
            if !decl.isParams {
                body.line()
                renderUnionDecoding(decl, into: &body)
            }
            body.line()
            body.block("\(access)func encode(to encoder: any Encoder) throws") { encode in
                encode.line("switch self {")
                for member in decl.members {
                    encode.line("case .\(bare(member.caseName))(let value): \(encodeValue(member.type, isParams: decl.isParams))")
                }
                encode.line("}")
            }
            if decl.isParams {
                body.line()
                body.block("\(access)func validate(at path: \(RuntimeNames.parameterPath)) throws") { validate in
                    // Only members that validate themselves (params structs and unions), not enums.
                    let checks = decl.members.filter {
                        if case .named(let type) = $0.type { return paramsTypes.contains(type) } else { return false }
                    }
                    guard !checks.isEmpty else { return }
                    validate.line("switch self {")
                    for member in checks { validate.line("case .\(bare(member.caseName))(let value): try value.validate(at: path)") }
                    if checks.count < decl.members.count { validate.line("default: break") }
                    validate.line("}")
                }
            }
        }
    }

    private func encodeValue(_ type: TypeRef, isParams: Bool) -> String {
        // Params go through a container so the form encoder sees dates and decimals as such.
        if isParams { return "var container = encoder.singleValueContainer(); try container.encode(value)" }
        switch type {
        case .date: return "try Int(value.timeIntervalSince1970).encode(to: encoder)"
        case .decimal: return "try value.description.encode(to: encoder)"
        default: return "try value.encode(to: encoder)"
        }
    }

    private func renderUnionDecoding(_ decl: UnionIR, into printer: inout CodePrinter) {
        let tagged = decl.members.filter { $0.objectTag != nil }
        let tags = Set(tagged.map { "\($0.objectTag ?? "")/\($0.isDeleted)" })
        let useTags = !tagged.isEmpty && tags.count == tagged.count
        printer.block("\(access)init(from decoder: any Decoder) throws") { body in
            var untried = decl.members
            if useTags {
                body.line("let tag = try? \(RuntimeNames.objectTag)(from: decoder)")
                body.line("switch (tag?.object, tag?.deleted ?? false) {")
                // Deleted members first, so `deleted: true` wins over the live object with the same tag.
                for member in tagged.sorted(by: { $0.isDeleted && !$1.isDeleted }) {
                    let deleted = member.isDeleted ? "true" : "_"
                    body.line("case (\(SwiftNames.literal(member.objectTag ?? ""))?, \(deleted)):")
                    body.line("    self = .\(bare(member.caseName))(try \(member.type.swift)(from: decoder))")
                    body.line("    return")
                }
                body.line("default:")
                body.line("    break")
                body.line("}")
                untried = decl.members.filter { $0.objectTag == nil }
            }
            for member in untried {
                body.block("if let value = try? \(decodeValue(member.type))") { branch in
                    branch.line("self = .\(bare(member.caseName))(value)")
                    branch.line("return")
                }
            }
            body.line("throw DecodingError.dataCorrupted(DecodingError.Context(")
            body.line("    codingPath: decoder.codingPath,")
            body.line("    debugDescription: \(SwiftNames.literal("The value matches none of \(decl.name)'s members."))))")
        }
    }

    private func decodeValue(_ type: TypeRef) -> String {
        switch type {
        case .date: return "Date(timeIntervalSince1970: TimeInterval(Int(from: decoder)))"
        case .decimal: return "Decimal(string: String(from: decoder))"
        default: return "\(type.swift)(from: decoder)"
        }
    }

    private func bare(_ name: String) -> String { SwiftNames.bare(name) }
}
