import Foundation

/// A translator whose names are claimed through a `TypeTranslator`, so two of its runs can be checked against
/// each other.
protocol NameClaiming {
    var types: TypeTranslator { get set }
}

extension ResourceTranslator: NameClaiming {}

extension TypeTranslator: NameClaiming {
    /// The translator itself.
    var types: TypeTranslator {
        get { self }
        set { self = newValue }
    }
}

/// Translates a list on two cores with the same output as in order. Names depend on order (unions are named on
/// first use, nested names avoid the top-level names taken before them), so the second half is translated from the
/// state before the first half ran and kept only if its claims give the same names after the first half; otherwise
/// it is translated again, in order.
enum TwoCoreTranslation {
    static func translate<Translator: NameClaiming & Sendable, Item: Sendable, Output: Sendable>(
        _ items: [Item], weight: (Item) -> Int, with translator: inout Translator,
        _ translate: @escaping @Sendable (inout Translator, ArraySlice<Item>) -> [Output]
    ) -> [Output] {
        let split = balancedSplit(items.map(weight))
        guard ProcessInfo.processInfo.activeProcessorCount > 1, split > 0, split < items.count else {
            return translate(&translator, items[...])
        }
        _ = translator.types.takeLog()
        let start = translator
        let (first, second) = ParallelMap.pair({
            var translator = start
            return (translate(&translator, items[..<split]), translator)
        }, {
            var translator = start
            return (translate(&translator, items[split...]), translator)
        })
        translator = first.1
        var secondTranslator = second.1
        let secondLog = secondTranslator.types.takeLog()
        if translator.types.adopt(secondLog, from: secondTranslator.types, startMark: start.types.table.topLevelMark) {
            return first.0 + second.0
        }
        translator = first.1
        return first.0 + translate(&translator, items[split...])
    }

    /// The index that splits items of these weights into two runs of about the same weight.
    static func balancedSplit(_ weights: [Int]) -> Int {
        let total = weights.reduce(0, +)
        var sum = 0
        for (index, weight) in weights.enumerated() {
            if 2 * sum >= total { return index }
            sum += weight
        }
        return weights.count
    }
}

extension TypeTranslator {
    /// Whether `log`, claimed by `other` translating from the state at top-level mark `startMark`, gives the same
    /// names after this translator's claims; if so its top-level names are claimed here and its unions taken over.
    /// `self` may be changed either way.
    mutating func adopt(_ log: ClaimLog, from other: TypeTranslator, startMark: Int) -> Bool {
        // A union created there and here too is reused there in order: fine when both runs gave it the same name,
        // since then the references read the same; its claim there is then not replayed.
        var createdHereToo: Set<String> = []
        for union in log.createdUnions {
            guard let name = unionName(of: union.members) else { continue }
            guard name == union.name else { return false }
            createdHereToo.insert(name)
        }
        // A nested name given there that one of this run's top-level names now takes would have been renamed.
        for name in log.nested where table.wasTopLevel(name, since: startMark) { return false }
        for claim in log.topLevel where !createdHereToo.contains(claim.name) {
            guard table.claimTopLevel(claim.base, suffix: claim.suffix) == claim.name else { return false }
        }
        for union in log.createdUnions where !createdHereToo.contains(union.name) {
            guard let decl = other.unions[union.name] else { return false }
            adoptUnion(decl, members: union.members)
        }
        return true
    }
}
