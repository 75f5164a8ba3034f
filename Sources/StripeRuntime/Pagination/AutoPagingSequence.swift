/// Every object of a list, fetched lazily one page at a time until a page says no more follow (or
/// comes back empty).
///
/// Forward, each page starts after the last object of the one before (`starting_after`). Backward,
/// for a list begun with `ending_before`, each page ends before the first object of the one before,
/// and each page's objects come out in reverse, so the sequence moves steadily away from the cursor.
public struct AutoPagingSequence<Element: Decodable & Sendable & StripeIdentifiable>: AsyncSequence, Sendable {
    /// Fetches the page next to the object with the given id (after it forward, before it
    /// backward), or the first page for `nil`.
    public typealias PageFetcher = @Sendable (_ cursor: String?) async throws -> ListPage<Element>

    private let fetchPage: PageFetcher
    private let backward: Bool

    /// Creates a sequence over the pages `fetchPage` returns; nothing is fetched until iteration.
    /// `backward` is for lists begun with `ending_before`: the cursor is then each page's first id.
    public init(backward: Bool = false, _ fetchPage: @escaping PageFetcher) {
        self.fetchPage = fetchPage
        self.backward = backward
    }

    /// Starts an iteration from the first page.
    public func makeAsyncIterator() -> Iterator {
        Iterator(fetchPage: fetchPage, backward: backward)
    }

    /// Walks the objects of the current page and fetches the next page when it runs out.
    public struct Iterator: AsyncIteratorProtocol {
        private let fetchPage: PageFetcher
        private let backward: Bool
        private var buffer: [Element] = []
        private var position = 0
        private var cursor: String?
        private var exhausted = false

        init(fetchPage: @escaping PageFetcher, backward: Bool) {
            self.fetchPage = fetchPage
            self.backward = backward
        }

        /// The next object, fetching a page when needed; `nil` once the list is done.
        public mutating func next() async throws -> Element? {
            while position >= buffer.count {
                guard !exhausted else { return nil }
                let page = try await fetchPage(cursor)
                buffer = backward ? page.data.reversed() : page.data
                position = 0
                if page.data.isEmpty || !page.hasMore {
                    exhausted = true
                }
                cursor = backward ? page.data.first?.id : page.data.last?.id
            }
            defer { position += 1 }
            return buffer[position]
        }
    }
}
