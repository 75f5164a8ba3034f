/// Every object of a list, fetched lazily one page at a time until a page says no more follow (or
/// comes back empty).
///
/// Forward, each page starts after the last object of the one before (`starting_after`). Backward,
/// for a list begun with `ending_before`, each page ends before the first object of the one before,
/// and each page's objects come out in reverse, so the sequence moves steadily away from the cursor.
/// Objects whose id is optional (an upcoming invoice has none) are paged by the last (backward: first)
/// object of a page that has one; a page where none has one, or one that would repeat the cursor
/// before it, ends the sequence after its objects, since no cursor could lead any further.
public struct AutoPagingSequence<Element: Decodable & Sendable>: AsyncSequence, Sendable {
    /// Fetches the page next to the object with the given id (after it forward, before it
    /// backward), or the first page for `nil`.
    public typealias PageFetcher = @Sendable (_ cursor: String?) async throws -> ListPage<Element>

    /// The id an object is paged by, or `nil` when it has none.
    public typealias CursorOf = @Sendable (Element) -> String?

    private let fetchPage: PageFetcher
    private let cursorOf: CursorOf
    private let backward: Bool

    /// Creates a sequence over the pages `fetchPage` returns, paged by the ids `cursor` reads; nothing is
    /// fetched until iteration. `backward` is for lists begun with `ending_before`.
    public init(backward: Bool = false, cursor: @escaping CursorOf, _ fetchPage: @escaping PageFetcher) {
        self.fetchPage = fetchPage
        self.cursorOf = cursor
        self.backward = backward
    }

    /// Starts an iteration from the first page.
    public func makeAsyncIterator() -> Iterator {
        Iterator(fetchPage: fetchPage, cursorOf: cursorOf, backward: backward)
    }

    /// Walks the objects of the current page and fetches the next page when it runs out.
    public struct Iterator: AsyncIteratorProtocol {
        private let fetchPage: PageFetcher
        private let cursorOf: CursorOf
        private let backward: Bool
        private var buffer: [Element] = []
        private var position = 0
        private var cursor: String?
        private var exhausted = false

        init(fetchPage: @escaping PageFetcher, cursorOf: @escaping CursorOf, backward: Bool) {
            self.fetchPage = fetchPage
            self.cursorOf = cursorOf
            self.backward = backward
        }

        /// The next object, fetching a page when needed; `nil` once the list is done.
        public mutating func next() async throws -> Element? {
            while position >= buffer.count {
                guard !exhausted else { return nil }
                let page = try await fetchPage(cursor)
                buffer = backward ? page.data.reversed() : page.data
                position = 0
                // The cursor is the id of the object furthest along: the last one read that has an id.
                let next = buffer.last(where: { cursorOf($0) != nil }).flatMap(cursorOf)
                if page.data.isEmpty || !page.hasMore || next == nil || next == cursor {
                    exhausted = true
                }
                cursor = next
            }
            defer { position += 1 }
            return buffer[position]
        }
    }
}

extension AutoPagingSequence where Element: StripeIdentifiable {
    /// Creates a sequence over the pages `fetchPage` returns, paged by each object's `id`; nothing is
    /// fetched until iteration. `backward` is for lists begun with `ending_before`.
    public init(backward: Bool = false, _ fetchPage: @escaping PageFetcher) {
        self.init(backward: backward, cursor: { $0.id }, fetchPage)
    }
}
