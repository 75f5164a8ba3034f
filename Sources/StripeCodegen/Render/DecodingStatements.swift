/// The statements that decode and encode one stored property by its wire name (a `FieldKey` literal), using the
/// runtime's helpers, each with a name of its own (`decodeUnixTime`, `decodeStringIfPresent`, `encodeField`...), which
/// the compiler resolves without weighing the standard library's overloads of `decode` and `encode`.
enum CodingStatements {
    /// `type`: `property.type.swift`, when the caller has it already.
    static func decode(_ property: PropertyIR, type swiftType: String? = nil) -> CodeText {
        let key = SwiftNames.literal(property.jsonName)
        let target = "self." + PropertyAccess.member(property.swiftName)
        if property.toleratesAbsence {
            // A required field a response may lack: nil or an error, as the decoder's policy says.
            switch property.type {
            case .date: return "\(target) = try container.decodeRequiredUnixTime(forKey: \(key), in: decoder)"
            case .decimal: return "\(target) = try container.decodeRequiredDecimalString(forKey: \(key), in: decoder)"
            case let type: return "\(target) = try container.decodeRequired(\(swiftType ?? type.swift).self, forKey: \(key), in: decoder)"
            }
        }
        switch (property.type, property.optional) {
        case (.date, false): return "\(target) = try container.decodeUnixTime(forKey: \(key))"
        case (.date, true): return "\(target) = try container.decodeUnixTimeIfPresent(forKey: \(key))"
        case (.decimal, false): return "\(target) = try container.decodeDecimalString(forKey: \(key))"
        case (.decimal, true): return "\(target) = try container.decodeDecimalStringIfPresent(forKey: \(key))"
        case (let type, let optional):
            let ifPresent = optional ? "IfPresent" : ""
            if let name = primitiveNames[type] { return "\(target) = try container.decode\(name)\(ifPresent)(forKey: \(key))" }
            return "\(target) = try container.decodeField\(ifPresent)(\(swiftType ?? type.swift).self, forKey: \(key))"
        }
    }

    /// The names `encode(to:)` declares, which a property of the same name must not be read as.
    static let encodingLocals: Set<String> = ["encoder", "container"]

    static func encode(_ property: PropertyIR) -> CodeText {
        let key = SwiftNames.literal(property.jsonName)
        // The escaped name keeps a keyword-named property (`default`) a valid expression.
        let name = PropertyAccess.read(property.swiftName, locals: encodingLocals)
        switch (property.type, property.optional) {
        case (.date, false): return "try container.encodeUnixTime(\(name), forKey: \(key))"
        case (.date, true): return "try container.encodeUnixTimeIfPresent(\(name), forKey: \(key))"
        case (.decimal, false): return "try container.encodeDecimalString(\(name), forKey: \(key))"
        case (.decimal, true): return "try container.encodeDecimalStringIfPresent(\(name), forKey: \(key))"
        case (let type, let optional): return "try container.\(encodeMethod(type, optional: optional))(\(name), forKey: \(key))"
        }
    }

    /// The runtime's helpers named after their type (`decodeStringIfPresent`, `encodeInt`...): they call the
    /// containers' methods for that type, which are quicker than the generic ones.
    private static let primitiveNames: [TypeRef: String] = [.string: "String", .int: "Int", .double: "Double", .bool: "Bool"]

    /// `encodeString`, `encodeFieldIfPresent`...: named after the type for strings, integers, numbers and booleans.
    private static func encodeMethod(_ type: TypeRef, optional: Bool) -> String {
        "encode" + (primitiveNames[type] ?? "Field") + (optional ? "IfPresent" : "")
    }

    /// A params field: its value as it is, which the form encoder knows how to write.
    static func encodeParameter(_ property: PropertyIR) -> CodeText {
        let key = SwiftNames.literal(property.jsonName)
        let method = encodeMethod(property.type, optional: property.optional)
        return "try container.\(method)(\(PropertyAccess.read(property.swiftName, locals: encodingLocals)), forKey: \(key))"
    }
}
