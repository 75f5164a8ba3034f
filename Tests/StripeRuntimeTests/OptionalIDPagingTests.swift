import Foundation
import Testing
import StripeRuntime

/// Lists whose objects may lack an id (as an upcoming invoice does) page by the objects that have one, and end
/// cleanly, without an error or a repeated request, when a page gives no cursor to go on.
@Suite struct OptionalIDPagingTests {
    /// A listed object whose id may be absent.
    struct Draft: Decodable, Sendable, Equatable {
        var id: String?
        var number: Int
    }

    /// The sequence a generated `list` builds for objects with an optional id, over pages `serve` answers.
    private func drafts(backward: Bool = false, _ serve: @escaping @Sendable (String?) -> ListPage<Draft>)
        -> (AutoPagingSequence<Draft>, Recorder<String?>) {
        let cursors = Recorder<String?>()
        let sequence = AutoPagingSequence<Draft>(backward: backward, cursor: { $0.id }) { cursor in
            cursors.append(cursor)
            return serve(cursor)
        }
        return (sequence, cursors)
    }

    private func numbers(_ sequence: AutoPagingSequence<Draft>) async throws -> [Int] {
        var numbers: [Int] = []
        for try await draft in sequence { numbers.append(draft.number) }
        return numbers
    }

    @Test func forwardPagesAfterTheLastObjectThatHasAnID() async throws {
        let (sequence, cursors) = drafts { cursor in
            switch cursor {
            case nil: ListPage(data: [Draft(id: "in_1", number: 1), Draft(id: "in_2", number: 2), Draft(id: nil, number: 3)],
                               hasMore: true)
            case "in_2": ListPage(data: [Draft(id: "in_4", number: 4)], hasMore: false)
            default: ListPage(data: [Draft(id: "in_x", number: 99)], hasMore: false)
            }
        }
        #expect(try await numbers(sequence) == [1, 2, 3, 4])
        #expect(cursors.values == [nil, "in_2"], "the id-less last object is passed over as a cursor")
    }

    @Test func backwardPagesBeforeTheFirstObjectThatHasAnID() async throws {
        // Newest first, as Stripe lists: a page before `in_5` holds in_7 (no id here), in_6; before in_6, in_5's elders.
        let (sequence, cursors) = drafts(backward: true) { cursor in
            switch cursor {
            case nil: ListPage(data: [Draft(id: nil, number: 7), Draft(id: "in_6", number: 6)], hasMore: true)
            case "in_6": ListPage(data: [Draft(id: "in_8", number: 8)], hasMore: false)
            default: ListPage(data: [], hasMore: false)
            }
        }
        #expect(try await numbers(sequence) == [6, 7, 8])
        #expect(cursors.values == [nil, "in_6"], "the first object of the page that has an id is the cursor")
    }

    @Test func aPageWithoutAnyIDEndsTheSequenceAfterItsObjects() async throws {
        let (sequence, cursors) = drafts { _ in
            ListPage(data: [Draft(id: nil, number: 1), Draft(id: nil, number: 2)], hasMore: true)
        }
        #expect(try await numbers(sequence) == [1, 2])
        #expect(cursors.values == [nil], "no second request: nothing to page after")
    }

    @Test func aLaterPageWithoutAnyIDEndsTheSequenceToo() async throws {
        let (sequence, cursors) = drafts(backward: true) { cursor in
            cursor == nil
                ? ListPage(data: [Draft(id: "in_2", number: 2)], hasMore: true)
                : ListPage(data: [Draft(id: nil, number: 1)], hasMore: true)
        }
        #expect(try await numbers(sequence) == [2, 1])
        #expect(cursors.values == [nil, "in_2"])
    }

    @Test func aPageThatWouldRepeatTheCursorEndsTheSequence() async throws {
        // A server answering the same page again (its only id is the cursor) must not make the sequence loop.
        let (sequence, cursors) = drafts { _ in
            ListPage(data: [Draft(id: nil, number: 0), Draft(id: "in_1", number: 1)], hasMore: true)
        }
        #expect(try await numbers(sequence) == [0, 1, 0, 1])
        #expect(cursors.values == [nil, "in_1"])
    }
}
