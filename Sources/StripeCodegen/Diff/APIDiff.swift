import StripeSpec

/// Compares two ``APISurface``s and classifies each difference by what it means for code written against the old
/// one (the rules are listed in the README's "Upgrading to a new spec").
enum APIDiff {
    /// Every change from `old` to `new`, sorted.
    static func changes(from old: APISurface, to new: APISurface) -> [APIChange] {
        var changes: [APIChange] = []
        // A type whose origin changed but whose Swift name did not (a union component that became an inline union)
        // is the same type to callers: it is compared, not removed and added.
        let added = new.types.values.filter { old.types[$0.identity] == nil }
        let addedByName = Dictionary(added.map { ($0.swiftName, $0) }, uniquingKeysWith: { first, _ in first })
        var matchedByName: Set<String> = []
        for (identity, before) in old.types {
            if let after = new.types[identity] {
                changes += typeChanges(before, after)
            } else if let after = addedByName[before.swiftName] {
                matchedByName.insert(after.identity)
                changes += typeChanges(before, after)
            } else if !hasMissingAncestor(identity, of: old, in: new) {
                changes.append(change(.breaking, .typeRemoved, before.swiftName, "removed", before.location))
            }
        }
        for after in added where !matchedByName.contains(after.identity) {
            if !hasMissingAncestor(after.identity, of: new, in: old) {
                changes.append(change(.additive, .typeAdded, after.swiftName, "added", after.location))
            }
        }
        for (identity, before) in old.operations {
            guard let after = new.operations[identity] else {
                changes.append(APIChange(impact: .breaking, kind: .operationRemoved, symbol: before.swiftName,
                                         group: before.resourceType, detail: "removed (\(before.endpoint))",
                                         location: before.location))
                continue
            }
            changes += operationChanges(before, after)
        }
        for (identity, after) in new.operations where old.operations[identity] == nil {
            changes.append(APIChange(impact: .additive, kind: .operationAdded, symbol: after.swiftName,
                                     group: after.resourceType, detail: "added (\(after.endpoint))",
                                     location: after.location))
        }
        return changes.sorted()
    }

    /// Whether a type that one surface lacks sits in a type, operation or resource the other lacks too, so the change
    /// is already reported once, at the outermost declaration.
    private static func hasMissingAncestor(_ identity: String, of surface: APISurface, in other: APISurface) -> Bool {
        var parent = identity
        while let range = parent.range(of: APISurface.nesting, options: .backwards) {
            parent = String(parent[..<range.lowerBound])
            if surface.declares(parent) && !other.declares(parent) { return true }
        }
        return false
    }

    private static func typeChanges(_ before: APISurface.TypeEntry, _ after: APISurface.TypeEntry) -> [APIChange] {
        var changes: [APIChange] = []
        // A nested type whose parent was renamed changes its qualified name, not its own: one rename is reported.
        if localName(before.swiftName) != localName(after.swiftName) {
            changes.append(change(.breaking, .typeRenamed, after.swiftName, "renamed from `\(before.swiftName)`",
                                  after.location))
        }
        guard before.kind == after.kind else {
            changes.append(change(.breaking, .typeKindChanged, after.swiftName,
                                  "was \(before.kind.described), now \(after.kind.described)", after.location))
            return changes
        }
        let oldMembers = Dictionary(before.members.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let newMembers = Dictionary(after.members.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        for member in before.members where newMembers[member.key] == nil {
            changes.append(removal(member, of: before))
        }
        for member in after.members {
            if let old = oldMembers[member.key] {
                changes += memberChanges(old, member, of: after)
            } else {
                changes.append(addition(member, of: after))
            }
        }
        return changes
    }

    private static func removal(_ member: APISurface.Member, of type: APISurface.TypeEntry) -> APIChange {
        let symbol = type.swiftName + "." + member.swiftName
        switch type.kind {
        case .model:
            return change(.breaking, .propertyRemoved, symbol, "removed (was `\(member.spelled)`)", member.location)
        case .params:
            return change(.breaking, .paramRemoved, symbol, "removed (was `\(member.spelled)`)", member.location)
        case .enumeration:
            let detail = type.inParams ? "removed: Stripe no longer accepts `\(member.key)`"
                : "removed (`\(member.key)`)"
            return change(.breaking, .caseRemoved, symbol, detail, member.location)
        case .union:
            return change(.breaking, .caseRemoved, symbol, "removed (was `\(member.type)`)", member.location)
        }
    }

    private static func addition(_ member: APISurface.Member, of type: APISurface.TypeEntry) -> APIChange {
        let symbol = type.swiftName + "." + member.swiftName
        switch type.kind {
        case .model:
            if member.optional {
                return change(.additive, .propertyAdded, symbol, "added (`\(member.spelled)`)", member.location)
            }
            return change(.note, .propertyAdded, symbol,
                          "added, required (`\(member.spelled)`): models built by hand must pass it", member.location)
        case .params:
            if member.optional {
                return change(.additive, .paramAdded, symbol, "added (`\(member.spelled)`)", member.location)
            }
            return change(.breaking, .paramAdded, symbol,
                          "added, required (`\(member.spelled)`): every call must pass it", member.location)
        case .enumeration:
            return change(.additive, .caseAdded, symbol, "added (`\(member.key)`)", member.location)
        case .union:
            return change(.additive, .caseAdded, symbol, "added (`\(member.type)`)", member.location)
        }
    }

    private static func memberChanges(_ old: APISurface.Member, _ new: APISurface.Member,
                                      of type: APISurface.TypeEntry) -> [APIChange] {
        let symbol = type.swiftName + "." + new.swiftName
        let isParams = type.kind == .params
        var changes: [APIChange] = []
        if old.swiftName != new.swiftName {
            let kind: APIChange.Kind = switch type.kind {
            case .model: .propertyRenamed
            case .params: .paramRenamed
            case .enumeration, .union: .caseRenamed
            }
            changes.append(change(.breaking, kind, symbol, "renamed from `\(old.swiftName)`", new.location))
        }
        if old.type != new.type {
            let kind: APIChange.Kind = switch type.kind {
            case .model: .propertyTypeChanged
            case .params: .paramTypeChanged
            case .enumeration, .union: .caseTypeChanged
            }
            changes.append(change(.breaking, kind, symbol, "type `\(old.spelled)` -> `\(new.spelled)`", new.location))
        } else if old.optional != new.optional {
            let transition = "`\(old.spelled)` -> `\(new.spelled)`"
            switch (isParams, new.optional) {
            case (false, true):
                changes.append(change(.breaking, .propertyNowOptional, symbol,
                                      "now optional, may be absent (\(transition))", new.location))
            case (false, false):
                changes.append(change(.breaking, .propertyNowRequired, symbol,
                                      "now always present, no longer optional (\(transition))", new.location))
            case (true, false):
                changes.append(change(.breaking, .paramNowRequired, symbol,
                                      "now required (\(transition)): every call must pass it", new.location))
            case (true, true):
                changes.append(change(.note, .paramNowOptional, symbol,
                                      "now optional (\(transition)): Stripe accepts calls without it", new.location))
            }
        }
        if old.type == new.type, old.optional == new.optional, !isParams, old.required != new.required {
            // Tolerant decoding keeps a required field optional in Swift, so only the spec says it changed.
            if new.required {
                changes.append(change(.note, .propertyNowRequired, symbol,
                                      "now required by the spec (still `\(new.spelled)`: a response may lack it)",
                                      new.location))
            } else {
                changes.append(change(.breaking, .propertyNowOptional, symbol,
                                      "may now be absent: no longer required by the spec (`\(new.spelled)`)",
                                      new.location))
            }
        }
        if old.maxLength != new.maxLength {
            let text = { (length: Int?) in length.map(String.init) ?? "none" }
            changes.append(change(.note, .maxLengthChanged, symbol,
                                  "maxLength \(text(old.maxLength)) -> \(text(new.maxLength))", new.location))
        }
        return changes
    }

    private static func operationChanges(_ before: APISurface.OperationEntry,
                                         _ after: APISurface.OperationEntry) -> [APIChange] {
        var changes: [APIChange] = []
        func add(_ impact: APIChange.Impact, _ kind: APIChange.Kind, _ detail: String) {
            changes.append(APIChange(impact: impact, kind: kind, symbol: after.swiftName, group: after.resourceType,
                                     detail: detail, location: after.location))
        }
        if before.swiftName != after.swiftName {
            add(.breaking, .operationRenamed, "renamed from `\(before.swiftName)` (\(after.endpoint))")
        } else if before.endpoint != after.endpoint {
            add(.note, .operationPathChanged, "sends \(after.endpoint), was \(before.endpoint)")
        }
        if before.response != after.response {
            add(.breaking, .operationResponseChanged, "returns `\(after.response)`, was `\(before.response)`")
        }
        if !before.deprecated && after.deprecated {
            add(.note, .operationDeprecated, "deprecated")
        }
        return changes
    }

    private static func change(_ impact: APIChange.Impact, _ kind: APIChange.Kind, _ symbol: String,
                               _ detail: String, _ location: SourceLocation?) -> APIChange {
        APIChange(impact: impact, kind: kind, symbol: symbol, group: topLevelName(symbol), detail: detail,
                  location: location)
    }

    /// `CheckoutSession` for `CheckoutSession.ShippingDetails.name`.
    private static func topLevelName(_ symbol: String) -> String {
        String(symbol.prefix { $0 != "." })
    }

    /// `ShippingDetails` for `CheckoutSession.ShippingDetails`.
    private static func localName(_ swiftName: String) -> String {
        String(swiftName.split(separator: ".").last ?? Substring(swiftName))
    }
}

extension APISurface.Member {
    /// The type as a declaration spells it, with `?` when optional.
    fileprivate var spelled: String { optional ? type + "?" : type }
}

extension APISurface.Kind {
    fileprivate var described: String {
        switch self {
        case .model: return "a model"
        case .params: return "params"
        case .enumeration: return "an enum"
        case .union: return "a union"
        }
    }
}
