/// Prints structs, open enums and unions, declaration first: a type's body holds its stored properties, memberwise
/// init and nested types; its coding and validation members go into `extension`s collected in a second printer, which
/// the file prints below them (``CodePrinter/appendCoding(_:)``), so a reader who jumps to a type sees its fields.
struct TypeRenderer {
    /// `public ` or empty, for the chosen access level.
    let access: String
    /// Qualified names of the params structs and unions whose `validate(at:)` checks something.
    let validatingTypes: Set<String>
    /// Enums already printed, shared with the other printers of the same output.
    let printedEnums: PrintedEnums

    /// Prints `decl` into `printer` and its coding extensions into `coding`; `owner` is the qualified name of the
    /// type (or extension) `decl` is declared in, if any.
    func render(_ decl: TypeDeclIR, owner: String?, into printer: inout CodePrinter, coding: inout CodePrinter) {
        let qualified = owner.map { $0 + "." + decl.name } ?? decl.name
        switch decl {
        case .structure(let structure): render(structure, qualified: qualified, into: &printer, coding: &coding)
        case .enumeration(let enumeration): render(enumeration, into: &printer)
        case .union(let union): render(union, qualified: qualified, into: &printer, coding: &coding)
        }
    }

    /// Prints a top-level `decl`, then its coding extensions below a mark.
    func render(_ decl: TypeDeclIR, into printer: inout CodePrinter) {
        var coding = CodePrinter()
        render(decl, owner: nil, into: &printer, coding: &coding)
        printer.appendCoding(coding)
    }

    // MARK: Structs

    private func render(_ decl: StructIR, qualified: String, into printer: inout CodePrinter,
                        coding: inout CodePrinter) {
        var conformances = decl.isParams ? [RuntimeNames.params] : ["Codable", "Hashable", "Sendable"]
        if decl.isIdentifiable && !decl.isParams { conformances.append(RuntimeNames.identifiable) }
        printer.doc(decl.documentation)
        // Each property's Swift type, spelled once for the declaration, the initializer and the decoding.
        let types = decl.properties.map(\.type.swift)
        printer.block("\(access)struct \(decl.name): \(conformances.joined(separator: ", "))") { body in
            for (index, property) in decl.properties.enumerated() {
                body.doc(property.documentation.lines)
                let type = types[index] + (property.optional ? "?" : "")
                let wrapper = property.isIndirect
                    ? "@\(property.optional ? RuntimeNames.indirectOptional : RuntimeNames.indirect) " : ""
                body.line("\(wrapper)\(access)var \(property.swiftName): \(type)")
            }
            if !decl.properties.isEmpty { body.line() }
            renderInit(decl, types: types, into: &body)
            // The type's own extension comes before its nested types' ones.
            coding.extensionBlock(qualified) { members in
                if decl.isParams {
                    renderParamsEncoding(decl, into: &members)
                    renderValidation(decl, into: &members)
                } else {
                    renderDecoding(decl, types: types, into: &members)
                    renderMissingRequiredFields(decl, into: &members)
                }
            }
            if !decl.expandableFields.isEmpty {
                body.line()
                renderEnum(RuntimeNames.expandableField,
                           documentation: ["The fields a request can expand from an id into the whole object."],
                           cases: decl.expandableFields, into: &body)
            }
            for nested in decl.nested {
                body.line()
                render(nested, owner: qualified, into: &body, coding: &coding)
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
            let parameter = PropertyAccess.initParameter(property.swiftName)
            let label = parameter == property.swiftName ? property.swiftName : property.swiftName + " " + parameter
            // A required field a response may lack is optional, but building a value still asks for it.
            let optionality = property.toleratesAbsence ? "?" : property.optional ? "? = nil" : ""
            return label + ": " + types[index] + optionality
        }
        printer.line("\(access)init(")
        printer.indented(arguments.enumerated().map { $1 + ($0 < arguments.count - 1 ? "," : "") })
        printer.block(")") { body in
            for property in decl.properties {
                body.line("self.\(PropertyAccess.member(property.swiftName)) = \(PropertyAccess.initParameter(property.swiftName))")
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
            // `if case .none` rather than `== nil`: the compiler checks it without weighing every `==` it knows.
            for property in tolerated {
                let value = "self." + PropertyAccess.member(property.swiftName)
                getter.line("if case .none = \(value) { names.append(\(SwiftNames.literal(property.jsonName))) }")
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

    /// `validate(at:)` when something is checked; the runtime's default accepts every value otherwise.
    private func renderValidation(_ decl: StructIR, into printer: inout CodePrinter) {
        let checks = decl.properties.compactMap { ParamsValidation.check($0, validating: validatingTypes) }
        guard !checks.isEmpty else { return }
        printer.line()
        printer.doc(["Checks length limits here and in nested parameters before anything is sent."])
        printer.block("\(access)func validate(at path: \(RuntimeNames.parameterPath)) throws") { body in
            for check in checks { body.line(check) }
        }
    }

    // MARK: Enums

    private func render(_ decl: EnumIR, into printer: inout CodePrinter) {
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
                    getter.line("case .\(bareNames[index]): return \(literals[index])")
                }
                getter.line("case .unrecognized(let value): return value")
                getter.line("}")
            }
        }
    }

    // MARK: Unions

    private func render(_ decl: UnionIR, qualified: String, into printer: inout CodePrinter,
                        coding: inout CodePrinter) {
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
        }
        coding.extensionBlock(qualified) { members in
            if !decl.isParams {
                renderUnionDecoding(decl, into: &members)
                members.line()
            }
            members.block("\(access)func encode(to encoder: any Encoder) throws") { encode in
                encode.line("switch self {")
                for member in decl.members {
                    encode.line("case .\(bare(member.caseName))(let value): \(encodeValue(member.type, isParams: decl.isParams))")
                }
                encode.line("}")
            }
            // Only members that validate themselves (params structs and unions that check something), not enums.
            let checks = decl.members.filter {
                if case .named(let type) = $0.type { return validatingTypes.contains(type) } else { return false }
            }
            guard decl.isParams, !checks.isEmpty else { return }
            members.line()
            members.block("\(access)func validate(at path: \(RuntimeNames.parameterPath)) throws") { validate in
                validate.line("switch self {")
                for member in checks { validate.line("case .\(bare(member.caseName))(let value): try value.validate(at: path)") }
                if checks.count < decl.members.count { validate.line("default: break") }
                validate.line("}")
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
