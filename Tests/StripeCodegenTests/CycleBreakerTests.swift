@testable import StripeCodegen
import Testing

/// Which stored properties `CycleBreaker` boxes: exactly those whose type leads back to the owning struct.
@Suite struct CycleBreakerTests {
    /// A struct whose properties hold the named types by value.
    private func model(_ name: String, holds targets: [String], nested: [TypeDeclIR] = []) -> TypeDeclIR {
        .structure(StructIR(
            name: name, documentation: [],
            properties: targets.map { PropertyIR(jsonName: $0, swiftName: $0, type: .named($0), optional: true, documentation: .lines([])) },
            nested: nested, isParams: false, isIdentifiable: false, expandableFields: []))
    }

    /// Whether each property of the struct `name` (nested structs' properties after its own) is boxed.
    private func boxed(_ name: String, in decls: [TypeDeclIR]) -> [Bool] {
        func flags(_ decl: StructIR) -> [Bool] {
            decl.properties.map(\.isIndirect) + decl.nested.flatMap { nested -> [Bool] in
                if case .structure(let value) = nested { return flags(value) }
                return []
            }
        }
        for case .structure(let decl) in decls where decl.name == name { return flags(decl) }
        return []
    }

    @Test func mutualRecursionBoxesBothSides() {
        let result = CycleBreaker.breakCycles(in: [model("A", holds: ["B"]), model("B", holds: ["A"])])
        #expect(boxed("A", in: result) == [true])
        #expect(boxed("B", in: result) == [true])
    }

    @Test func chainWithoutCycleIsNotBoxed() {
        let result = CycleBreaker.breakCycles(in: [model("A", holds: ["B"]), model("B", holds: ["C"]), model("C", holds: [])])
        #expect(boxed("A", in: result) == [false])
        #expect(boxed("B", in: result) == [false])
    }

    @Test func selfReferenceIsBoxed() {
        let result = CycleBreaker.breakCycles(in: [model("A", holds: ["A", "B"]), model("B", holds: [])])
        #expect(boxed("A", in: result) == [true, false])
    }

    @Test func referenceThroughNestedTypeCountsForTheOwner() {
        // A.Details holds B, B holds A: the nested property closes the cycle; A's own reference to its nested type
        // is not an edge.
        let details = model("Details", holds: ["B"])
        let result = CycleBreaker.breakCycles(in: [model("A", holds: ["A.Details"], nested: [details]), model("B", holds: ["A"])])
        #expect(boxed("A", in: result) == [false, true])
        #expect(boxed("B", in: result) == [true])
    }

    @Test func longCycleBoxesOnlyItsOwnEdges() {
        // A -> B -> C -> A is a cycle; D hangs off it and C also points at D: neither edge into D is boxed.
        let result = CycleBreaker.breakCycles(in: [
            model("A", holds: ["B"]), model("B", holds: ["C"]), model("C", holds: ["A", "D"]), model("D", holds: []),
        ])
        #expect(boxed("A", in: result) == [true])
        #expect(boxed("B", in: result) == [true])
        #expect(boxed("C", in: result) == [true, false])
    }

    @Test func componentsGroupExactlyTheNodesOnACommonCycle() {
        // 0 <-> 1, 2 -> 3 -> 2, 1 -> 2, 4 alone.
        let component = StronglyConnectedComponents.components(of: [[1], [0, 2], [3], [2], []])
        #expect(component[0] == component[1])
        #expect(component[2] == component[3])
        #expect(component[0] != component[2])
        #expect(Set(component).count == 3)
    }
}
