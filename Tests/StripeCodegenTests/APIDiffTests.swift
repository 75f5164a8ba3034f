import Foundation
import StripeCodegen
import Testing

/// `Codegen.diff` on pairs of small specs that differ in exactly one thing: the class, the Swift name and the place
/// of each change.
@Suite struct APIDiffTests {
    private let base = DiffSpecs.base

    @Test("identical specs have no changes and nothing breaking")
    func identical() throws {
        let result = try DiffSpecs.diff(base, base)
        #expect(result.changes.isEmpty, "\(result.changes)")
        #expect(!result.report.hasBreakingChanges)
        #expect(result.report.summary == "0 breaking, 0 additive, 0 note")
    }

    @Test("a removed model property is breaking, at its place in the old spec")
    func removedProperty() throws {
        let new = try DiffSpecs.base(replacing: """
                    shipping_details:
                      type: string
                      nullable: true

            """, with: "")
        let result = try DiffSpecs.diff(base, new)
        let change = try #require(result.changes.first)
        #expect(result.changes.count == 1, "\(result.changes)")
        #expect(change.impact == .breaking && change.kind == .propertyRemoved)
        #expect(change.symbol == "Widget.shippingDetails" && change.group == "Widget")
        #expect(change.detail == "removed (was `String?`)")
        #expect(change.location?.path == result.oldPath)
        // The place is the property's schema, on the line after its key.
        #expect(change.location?.mark.line == (try DiffSpecs.line(of: "shipping_details:", in: base)) + 1)
        #expect(result.report.hasBreakingChanges)
    }

    @Test("a new optional model property is additive, at its place in the new spec")
    func newOptionalProperty() throws {
        let new = try DiffSpecs.base(replacing: """
                    label:
                      type: string
                      nullable: true

            """, with: """
                    label:
                      type: string
                      nullable: true
                    nickname:
                      type: string

            """)
        let result = try DiffSpecs.diff(base, new)
        #expect(result.changes.count == 1, "\(result.changes)")
        let change = try #require(result.changes.first)
        #expect(change.impact == .additive && change.kind == .propertyAdded)
        #expect(change.symbol == "Widget.nickname")
        #expect(change.location?.path == result.newPath)
        #expect(change.location?.mark.line == (try DiffSpecs.line(of: "nickname:", in: new)) + 1)
        #expect(!result.report.hasBreakingChanges)
    }

    @Test("a model property that may now be absent (required -> optional) is breaking")
    func requiredResponseFieldNowOptional() throws {
        let new = try DiffSpecs.base(replacing: "required: [id, object, status]", with: "required: [id, object]")
        let result = try DiffSpecs.diff(base, new)
        #expect(result.changes.map(\.kind) == [.propertyNowOptional], "\(result.changes)")
        let change = try #require(result.changes.first)
        #expect(change.impact == .breaking && change.symbol == "Widget.status")
        // A required field is already `Widget.Status?` (a response may lack it), so the spec alone says it changed.
        #expect(change.detail.contains("may now be absent"), "\(change.detail)")
        #expect(change.location?.mark.line == (try DiffSpecs.line(of: "status:", in: new)) + 1)
    }

    @Test("an optional param that becomes required is breaking")
    func optionalParamNowRequired() throws {
        let new = try DiffSpecs.base(replacing: "required: [name]", with: "required: [name, note]")
        let result = try DiffSpecs.diff(base, new)
        #expect(result.changes.count == 1, "\(result.changes)")
        let change = try #require(result.changes.first)
        #expect(change.impact == .breaking && change.kind == .paramNowRequired)
        #expect(change.symbol == "WidgetsAPI.CreateParams.note" && change.group == "WidgetsAPI")
        #expect(change.location?.path == result.newPath)
        #expect(change.location?.mark.line == (try DiffSpecs.line(of: "note:", in: new)) + 1)
    }

    @Test("a new required param is breaking (every call must pass it); a new optional one is additive")
    func newParams() throws {
        let required = try DiffSpecs.base(replacing: "required: [name]", with: "required: [name, size]")
            .replacingOccurrences(of: """
                                note:
                                  type: string

                """, with: """
                                note:
                                  type: string
                                size:
                                  type: integer

                """)
        let breaking = try DiffSpecs.diff(base, required)
        #expect(breaking.changes.map(\.kind) == [.paramAdded], "\(breaking.changes)")
        #expect(breaking.changes.first?.impact == .breaking)
        #expect(breaking.changes.first?.symbol == "WidgetsAPI.CreateParams.size")

        let optional = required.replacingOccurrences(of: "required: [name, size]", with: "required: [name]")
        let additive = try DiffSpecs.diff(base, optional)
        #expect(additive.changes.map(\.kind) == [.paramAdded], "\(additive.changes)")
        #expect(additive.changes.first?.impact == .additive)
        #expect(additive.changes.first?.location?.mark.line == (try DiffSpecs.line(of: "size:", in: optional)) + 1)
    }

    @Test("an enum case added to a model is additive, at the enum's place")
    func enumCaseAdded() throws {
        let new = try DiffSpecs.base(replacing: "enum: [active, retired]", with: "enum: [active, retired, on_hold]")
        let result = try DiffSpecs.diff(base, new)
        #expect(result.changes.count == 1, "\(result.changes)")
        let change = try #require(result.changes.first)
        #expect(change.impact == .additive && change.kind == .caseAdded)
        #expect(change.symbol == "Widget.Status.onHold")
        #expect(change.detail == "added (`on_hold`)")
        #expect(change.location?.mark.line == (try DiffSpecs.line(of: "status:", in: new)) + 1)
    }

    @Test("an enum value removed from params is breaking: its Swift case is gone and Stripe refuses the value")
    func enumCaseRemovedFromParams() throws {
        let new = try DiffSpecs.base(replacing: "enum: [red, blue]", with: "enum: [red]")
        let result = try DiffSpecs.diff(base, new)
        #expect(result.changes.count == 1, "\(result.changes)")
        let change = try #require(result.changes.first)
        #expect(change.impact == .breaking && change.kind == .caseRemoved)
        #expect(change.symbol == "WidgetsAPI.CreateParams.Color.blue")
        #expect(change.detail == "removed: Stripe no longer accepts `blue`")
        #expect(change.location?.path == result.oldPath)
        #expect(change.location?.mark.line == (try DiffSpecs.line(of: "color:", in: base)) + 1)
    }

    @Test("a property whose type changes is breaking, naming both Swift types")
    func typeChange() throws {
        let new = try DiffSpecs.base(replacing: """
                    label:
                      type: string
            """, with: """
                    label:
                      type: integer
            """)
        let result = try DiffSpecs.diff(base, new)
        #expect(result.changes.count == 1, "\(result.changes)")
        let change = try #require(result.changes.first)
        #expect(change.impact == .breaking && change.kind == .propertyTypeChanged)
        #expect(change.symbol == "Widget.label")
        #expect(change.detail == "type `String?` -> `Int?`")
        #expect(change.location?.mark.line == (try DiffSpecs.line(of: "label:", in: new)) + 1)
    }

    @Test("an operation whose Swift name changes (same operationId, new path) is a breaking rename")
    func renamedOperation() throws {
        let new = try DiffSpecs.base(replacing: "/v1/widgets/{widget}/cancel:", with: "/v1/widgets/{widget}/void:")
        let result = try DiffSpecs.diff(base, new)
        let rename = try #require(result.changes.first { $0.kind == .operationRenamed }, "\(result.changes)")
        #expect(rename.impact == .breaking)
        #expect(rename.symbol == "stripe.widgets.void" && rename.group == "WidgetsAPI")
        #expect(rename.detail == "renamed from `stripe.widgets.cancel` (POST /v1/widgets/{widget}/void)")
        #expect(rename.location?.path == result.newPath)
        #expect(rename.location?.mark.line == (try DiffSpecs.line(of: "/v1/widgets/{widget}/void:", in: new)) + 2)
        // Its params type is renamed with it; nothing else changes.
        #expect(result.changes.map(\.symbol).sorted() == ["WidgetsAPI.VoidParams", "stripe.widgets.void"])
    }

    @Test("a changed maxLength is a behaviour note")
    func maxLengthChange() throws {
        let new = try DiffSpecs.base(replacing: "maxLength: 100", with: "maxLength: 40")
        let result = try DiffSpecs.diff(base, new)
        #expect(result.changes.count == 1, "\(result.changes)")
        let change = try #require(result.changes.first)
        #expect(change.impact == .note && change.kind == .maxLengthChanged)
        #expect(change.symbol == "WidgetsAPI.CreateParams.name")
        #expect(change.detail == "maxLength 100 -> 40")
        #expect(change.location?.mark.line == (try DiffSpecs.line(of: "name:", in: new)) + 1)
        #expect(!result.report.hasBreakingChanges)
    }

    @Test("a new resource is additive: its model and its operation, not its params type on its own")
    func newResource() throws {
        let new = try DiffSpecs.base(replacing: """
            paths:

            """, with: """
                gadget:
                  type: object
                  required: [id]
                  properties:
                    id:
                      type: string
            paths:
              /v1/gadgets:
                post:
                  operationId: PostGadgets
                  responses:
                    "200":
                      description: The gadget.
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/gadget'

            """)
        let result = try DiffSpecs.diff(base, new)
        #expect(result.changes.map(\.symbol) == ["Gadget", "stripe.gadgets.create"], "\(result.changes)")
        #expect(result.changes.allSatisfy { $0.impact == .additive })
        #expect(result.changes.map(\.kind) == [.typeAdded, .operationAdded])
        #expect(result.changes.first?.location?.mark.line == (try DiffSpecs.line(of: "gadget:", in: new)) + 1)
        #expect(result.changes.last?.location?.mark.line == (try DiffSpecs.line(of: "/v1/gadgets:", in: new)) + 2)
    }

    @Test("changes come sorted: breaking first, then by type and Swift name, the same on every run")
    func sortedAndStable() throws {
        let new = try DiffSpecs.base(replacing: "maxLength: 100", with: "maxLength: 40")
            .replacingOccurrences(of: "enum: [active, retired]", with: "enum: [active, retired, on_hold]")
            .replacingOccurrences(of: "enum: [red, blue]", with: "enum: [red]")
        let first = try DiffSpecs.diff(base, new)
        let second = try DiffSpecs.diff(base, new)
        #expect(first.changes.map(\.symbol) == second.changes.map(\.symbol))
        // The class comes before the type: the breaking change in `WidgetsAPI` precedes the addition in `Widget`.
        #expect(first.changes.map(\.impact) == [.breaking, .additive, .note])
        #expect(first.changes.map(\.symbol)
                == ["WidgetsAPI.CreateParams.Color.blue", "Widget.Status.onHold", "WidgetsAPI.CreateParams.name"])
        #expect(first.report.summary == "1 breaking, 1 additive, 1 note")
    }

    @Test("--config applies to both specs: a type renamed by typeNames is the same type, and reachability trims")
    func configurationAppliesToBoth() throws {
        let renamed = try DiffSpecs.diff(base, base, configuration: "typeNames:\n  widget: Gizmo\n")
        #expect(renamed.changes.isEmpty, "\(renamed.changes)")

        let new = try DiffSpecs.base(replacing: "enum: [red, blue]", with: "enum: [red]")
        // Only retrieve is kept, so the create params (and their removed colour) are not part of the API.
        let trimmed = try DiffSpecs.diff(base, new, configuration: "operations: [GetWidgetsWidget]\n")
        #expect(trimmed.changes.isEmpty, "\(trimmed.changes)")
        let untrimmed = try DiffSpecs.diff(base, new)
        #expect(untrimmed.changes.count == 1)
    }
}
