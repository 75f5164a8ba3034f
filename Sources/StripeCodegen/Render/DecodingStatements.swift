/// The statements that decode and encode one stored property by its wire name (a `FieldKey` literal), using the
/// runtime's helpers: for dates and decimals, and for every other field its one-name readers and writers
/// (`decodeField`, `encodeFieldIfPresent`...), which the compiler resolves without weighing the standard library's
/// overloads.
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
        case (let type, false): return "\(target) = try container.decodeField(\(swiftType ?? type.swift).self, forKey: \(key))"
        case (let type, true): return "\(target) = try container.decodeFieldIfPresent(\(swiftType ?? type.swift).self, forKey: \(key))"
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
        case (_, false): return "try container.encodeField(\(name), forKey: \(key))"
        case (_, true): return "try container.encodeFieldIfPresent(\(name), forKey: \(key))"
        }
    }

    /// A params field: its value as it is, which the form encoder knows how to write.
    static func encodeParameter(_ property: PropertyIR) -> CodeText {
        let key = SwiftNames.literal(property.jsonName)
        let method = property.optional ? "encodeFieldIfPresent" : "encodeField"
        return "try container.\(method)(\(PropertyAccess.read(property.swiftName, locals: encodingLocals)), forKey: \(key))"
    }
}
