import CorpusBindings
import Foundation
import StripeRuntime
import Testing

/// Params of the workshop API through the runtime's `FormEncoder`, field by field as Stripe reads them.
@Suite struct ParamsFormEncodingTests {
    func fields<T: Encodable>(_ params: T) throws -> [String] {
        try FormEncoder().encode(params).map(\.description)
    }

    @Test func createWritesDeepObjectsIndexedListsAndMaps() throws {
        let params = WidgetsAPI.CreateParams(
            class: .type,
            default: false,
            metadata: ["batch": "42", "a_first": "x"],
            parts: [.init(quantity: 2, sku: "SKU-1"), .init(sku: "SKU-2")],
            self: "wd_self",
            specs: .init(
                finish: .init(
                    coating: .init(
                        layers: [
                            .init(pigment: .init(hex: "#00aaff", opacityPercent: Decimal(string: "87.5")), thicknessMicrons: 12),
                            .init(pigment: .init(hex: "#ffffff")),
                        ],
                        material: .lacquer),
                    gloss: 0.5),
                weightGrams: 850),
            tolerances: ["width": Decimal(string: "0.125")!, "length": Decimal(string: "0.05")!],
            unitCostDecimal: Decimal(string: "12.3456"))
        #expect(try fields(params) == [
            "class=Type",
            "default=false",
            "metadata[a_first]=x",
            "metadata[batch]=42",
            "parts[0][quantity]=2",
            "parts[0][sku]=SKU-1",
            "parts[1][sku]=SKU-2",
            "self=wd_self",
            "specs[finish][coating][layers][0][pigment][hex]=#00aaff",
            "specs[finish][coating][layers][0][pigment][opacity_percent]=87.5",
            "specs[finish][coating][layers][0][thickness_microns]=12",
            "specs[finish][coating][layers][1][pigment][hex]=#ffffff",
            "specs[finish][coating][material]=lacquer",
            "specs[finish][gloss]=0.5",
            "specs[weight_grams]=850",
            "tolerances[length]=0.05",
            "tolerances[width]=0.125",
            "unit_cost_decimal=12.3456",
        ])
    }

    @Test func theBodyIsPercentEncoded() throws {
        let params = FoldersAPI.CreateParams(metadata: ["team name": "Jigs & fixtures"], name: "Jigs/2024", parent: "fld_0")
        #expect(try FormEncoder().encodeBody(params)
                == "metadata%5Bteam%20name%5D=Jigs%20%26%20fixtures&name=Jigs%2F2024&parent=fld_0")
    }

    @Test func unsetSendsAnEmptyValueAndNilSendsNothing() throws {
        let clear = WidgetsAPI.UpdateParams(folder: .unset, metadata: .unset, protocol: .unset, unitCostDecimal: .unset)
        #expect(try fields(clear) == ["folder=", "metadata=", "protocol=", "unit_cost_decimal="])

        let set = WidgetsAPI.UpdateParams(folder: .set("fld_2"), metadata: .set(["k": "v"]), protocol: .set("v3"),
                                          unitCostDecimal: .set(Decimal(string: "0.10")!))
        #expect(try fields(set) == ["folder=fld_2", "metadata[k]=v", "protocol=v3", "unit_cost_decimal=0.1"])

        #expect(try fields(WidgetsAPI.UpdateParams()) == [])
        #expect(try fields(FoldersAPI.UpdateParams(parent: .unset)) == ["parent="])
    }

    @Test func deepObjectQueryParamsNestThreeLevels() throws {
        let params = WidgetsAPI.ListParams(
            class: .selfValue,
            created: .rangeQuerySpecs(.init(gte: 1_700_000_000, lt: 1_700_086_400)),
            folder: .init(id: "fld_1", path: .init(depth: .init(max: 4))),
            limit: 3,
            startingAfter: "wd_9")
        #expect(try fields(params) == [
            "class=self",
            "created[gte]=1700000000",
            "created[lt]=1700086400",
            "folder[id]=fld_1",
            "folder[path][depth][max]=4",
            "limit=3",
            "starting_after=wd_9",
        ])
        #expect(try fields(WidgetsAPI.ListParams(created: .integer(1_700_000_000))) == ["created=1700000000"])
    }

    /// One range value serves every filter of that shape, in any list: the type is declared once.
    @Test func oneRangeValueFiltersEveryListAndField() throws {
        let lastDay = FoldersAPI.ListParams.RangeQuerySpecs(gte: 1_700_000_000, lt: 1_700_086_400)
        let folders = FoldersAPI.ListParams(created: .rangeQuerySpecs(lastDay))
        let widgets = WidgetsAPI.ListParams(created: .rangeQuerySpecs(lastDay), updated: .rangeQuerySpecs(lastDay))
        #expect(try fields(folders) == ["created[gte]=1700000000", "created[lt]=1700086400"])
        #expect(try fields(widgets) == [
            "created[gte]=1700000000", "created[lt]=1700086400",
            "updated[gte]=1700000000", "updated[lt]=1700086400",
        ])
    }

    @Test func lengthLimitsAreCheckedAtTheirPath() throws {
        let params = WidgetsAPI.CreateParams(
            class: .noneValue,
            parts: [.init(sku: "ok"), .init(sku: String(repeating: "x", count: 41))])
        #expect {
            try params.validate(at: .root)
        } throws: { error in
            (error as? StripeError)?.param == "parts[1][sku]"
        }
        let pigment = WidgetsAPI.CreateParams(
            class: .someValue,
            specs: .init(finish: .init(coating: .init(layers: [.init(pigment: .init(hex: "#1234567"))]))))
        #expect {
            try pigment.validate(at: .root)
        } throws: { error in
            (error as? StripeError)?.param == "specs[finish][coating][layers][0][pigment][hex]"
        }
        let filter = WidgetsAPI.ListParams(folder: .init(id: String(repeating: "f", count: 5001), path: .init()))
        #expect {
            try filter.validate(at: .root)
        } throws: { error in
            (error as? StripeError)?.param == "folder[id]"
        }
        try WidgetsAPI.CreateParams(class: .initValue, self: "s", specs: .init()).validate(at: .root)
    }
}
