import CorpusBindings
import Foundation
import StripeRuntime
import Testing

/// Expandable fields: an id until expanded, then the whole object (or a union of objects).
@Suite struct ExpandableFieldTests {
    @Test func anIDStaysAnID() throws {
        let widget = try JSON.decode(Widget.self, CorpusFixtures.widget)
        #expect(widget.folder == .id("fld_1"))
        #expect(widget.folder?.id == "fld_1")
        #expect(widget.folder?.object == nil)
    }

    @Test func anExpandedFieldCarriesItsObject() throws {
        let folder = #"{"id": "fld_1", "object": "folder", "name": "Jigs", "created": 1690000000, "metadata": {}}"#
        let json = CorpusFixtures.widget.replacingOccurrences(of: #""folder": "fld_1""#, with: #""folder": \#(folder)"#)
        let widget = try JSON.decode(Widget.self, json)
        #expect(widget.folder?.id == "fld_1")
        #expect(widget.folder?.object?.name == "Jigs")
        #expect(try JSON.tree(widget) == JSON.tree(json))
    }

    @Test func anExpandedUnionIsALiveOrADeletedObject() throws {
        let widget = try JSON.decode(Widget.self, CorpusFixtures.widget)
        guard case .object(.maker(let maker)) = widget.maker else {
            Issue.record("expected an expanded maker, got \(widget.maker)")
            return
        }
        #expect(maker.country == "NZ")
        #expect(widget.maker?.id == "mk_1")

        let deleted = CorpusFixtures.widget.replacingOccurrences(of: #""maker": \#(CorpusFixtures.maker)"#,
                                                                 with: #""maker": \#(CorpusFixtures.deletedMaker)"#)
        guard case .object(.deletedMaker(let gone)) = try JSON.decode(Widget.self, deleted).maker else {
            Issue.record("expected an expanded deleted maker")
            return
        }
        #expect(gone.id == "mk_2")

        let bare = CorpusFixtures.widget.replacingOccurrences(of: #""maker": \#(CorpusFixtures.maker)"#,
                                                              with: #""maker": "mk_9""#)
        #expect(try JSON.decode(Widget.self, bare).maker == .id("mk_9"))
    }

    @Test func aRecursiveExpandableReferenceDecodesBothWays() throws {
        let child = try JSON.decode(Folder.self, CorpusFixtures.folder(depth: 1))
        #expect(child.parentID == .id("fld_0"))
        let expanded = #"""
            {"id": "fld_1", "object": "folder", "name": "child", "created": 1690000001, "metadata": {},
             "parent_id": {"id": "fld_0", "object": "folder", "deleted": true}}
            """#
        guard case .object(.deletedFolder(let parent))? = try JSON.decode(Folder.self, expanded).parentID else {
            Issue.record("expected an expanded deleted parent folder")
            return
        }
        #expect(parent.id == "fld_0")
    }

    @Test func expandValuesAreTypedAndKeepUnknownOnes() throws {
        #expect(Widget.ExpandableField.previousMaker.rawValue == "previous_maker")
        #expect(Widget.ExpandableField(rawValue: "parts") == .parts)
        #expect(Widget.ExpandableField(rawValue: "parts.data") == .unrecognized("parts.data"))
        let params = WidgetsAPI.CreateParams(class: .default, expand: [.maker, .previousMaker, .unrecognized("folder.cover")])
        #expect(try FormEncoder().encode(params).map(\.description)
                == ["class=default", "expand[]=maker", "expand[]=previous_maker", "expand[]=folder.cover"])
    }
}
