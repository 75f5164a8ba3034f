import Foundation

/// Resources translated on two cores with the same output as in order. Names depend on order (unions are named on
/// first use, nested names avoid the top-level names taken before them), so the second half is translated from the
/// state before the first half ran and kept only if its claims give the same names after the first half; otherwise
/// it is translated again, in order.
extension ResourceTranslator {
    mutating func translateOnTwoCores(_ groups: [Group]) -> [ResourceIR] {
        let split = Self.balancedSplit(groups)
        guard ProcessInfo.processInfo.activeProcessorCount > 1, split > 0, split < groups.count else {
            return translateInOrder(groups[...])
        }
        _ = types.takeLog()
        let start = self
        let (first, second) = ParallelMap.pair({
            var translator = start
            return (translator.translateInOrder(groups[..<split]), translator)
        }, {
            var translator = start
            return (translator.translateInOrder(groups[split...]), translator)
        })
        var translator = first.1
        var secondTranslator = second.1
        let secondLog = secondTranslator.types.takeLog()
        if translator.types.adopt(secondLog, from: secondTranslator.types, startMark: start.types.table.topLevelMark) {
            self = translator
            return first.0 + second.0
        }
        translator = first.1
        let redone = translator.translateInOrder(groups[split...])
        self = translator
        return first.0 + redone
    }

    /// The index that splits `groups` into two runs with about as many operations each.
    static func balancedSplit(_ groups: [Group]) -> Int {
        let total = groups.reduce(0) { $0 + $1.operations.count }
        var count = 0
        for (index, group) in groups.enumerated() {
            if 2 * count >= total { return index }
            count += group.operations.count
        }
        return groups.count
    }
}

extension TypeTranslator {
    /// Whether `log`, claimed by `other` translating from the state at top-level mark `startMark`, gives the same
    /// names after this translator's claims; if so its top-level names are claimed here and its unions taken over.
    /// `self` may be changed either way.
    mutating func adopt(_ log: ClaimLog, from other: TypeTranslator, startMark: Int) -> Bool {
        // A union created there but already created here would have been reused, not named again.
        for members in log.createdUnions where unionName(of: members) != nil { return false }
        // A nested name given there that one of this run's top-level names now takes would have been renamed.
        for name in log.nested where table.wasTopLevel(name, since: startMark) { return false }
        for claim in log.topLevel where table.claimTopLevel(claim.base, suffix: claim.suffix) != claim.name {
            return false
        }
        for members in log.createdUnions {
            guard let name = other.unionName(of: members), let decl = other.unions[name] else { return false }
            adoptUnion(decl, members: members)
        }
        return true
    }
}
