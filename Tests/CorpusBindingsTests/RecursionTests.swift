import CorpusBindings
import Foundation
import StripeRuntime
import Testing

/// Objects that contain themselves (folders, widget parts) or each other (shipments and their returns).
@Suite struct RecursionTests {
    @Test func folderParentsDecodeSeveralLevelsDeep() throws {
        let folder = try JSON.decode(Folder.self, CorpusFixtures.folder(depth: 6))
        var names: [String] = []
        var current: Folder? = folder
        while let level = current {
            names.append(level.name ?? "")
            #expect(level.parentID?.id == (level.parent.map(\.id)))
            current = level.parent
        }
        #expect(names == ["level 6", "level 5", "level 4", "level 3", "level 2", "level 1", "root"])
    }

    @Test func folderTreeDecodesThroughChildren() throws {
        let tree = try JSON.decode(Folder.self, CorpusFixtures.folderTree(depth: 4))
        func leaves(_ folder: Folder) -> [String] {
            let children = folder.children ?? []
            return children.isEmpty ? [folder.id] : children.flatMap(leaves)
        }
        let found = leaves(tree)
        #expect(found.count == 16)
        #expect(found.first == "taaaa")
        #expect(found.last == "tbbbb")
        #expect(try JSON.tree(tree) == JSON.tree(CorpusFixtures.folderTree(depth: 4)))
    }

    @Test func mutuallyRecursiveShipmentsAndReturns() throws {
        let shipment = try JSON.decode(Shipment.self, CorpusFixtures.returnedShipment(depth: 5))
        var reasons: [ShipmentReturn.Reason] = []
        var ids = [shipment.id]
        var current = shipment
        while let returned = current.returnOf {
            reasons.append(try #require(returned.reason))
            current = try #require(returned.original)
            ids.append(current.id)
        }
        #expect(ids == ["shp_5", "shp_4", "shp_3", "shp_2", "shp_1", "shp_0"])
        #expect(reasons == [.default, .initValue, .default, .initValue, .default])
        #expect(current.carrier == .selfValue)
        #expect(current.weightKg == 2)
    }

    @Test func recursiveValuesBuildInSwiftAndCompareByValue() throws {
        let root = Folder(created: Date(timeIntervalSince1970: 1), id: "fld_root", metadata: [:], name: "root", object: "folder")
        var child = Folder(created: Date(timeIntervalSince1970: 2), id: "fld_child", metadata: [:], name: "child",
                           object: "folder", parent: root)
        let copy = child
        child.parent?.name = "renamed"
        #expect(copy.parent?.name == "root")
        #expect(child.parent?.name == "renamed")
        #expect(child != copy)

        let part = WidgetPart(id: "wp_2", object: "widget_part", quantity: 1,
                              replacement: WidgetPart(id: "wp_1", object: "widget_part", quantity: 2))
        let decoded = try JSONDecoder().decode(WidgetPart.self, from: JSON.encode(part))
        #expect(decoded == part)
        #expect(decoded.replacement?.quantity == 2)
    }
}
