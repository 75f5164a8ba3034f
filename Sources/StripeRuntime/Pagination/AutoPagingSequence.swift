/// Every object of a list, fetched lazily one page at a time by following `starting_after`
/// cursors until a page says no more follow (or comes back empty).
public struct AutoPagingSequence<Element: Decodable & Sendable & StripeIdentifiable>: AsyncSequence, Sendable {
    /// Fetches the page after the object with the given id, or the first page for `nil`.
    public typealias PageFetcher = @Sendable (_ startingAfter: String?) async throws -> ListPage<Element>

    private let fetchPage: PageFetcher

    /// Creates a sequence over the pages `fetchPage` returns; nothing is fetched until iteration.
    public init(_ fetchPage: @escaping PageFetcher) {
        self.fetchPage = fetchPage
    }

    /// Starts an iteration from the first page.
    public func makeAsyncIterator() -> Iterator {
        Iterator(fetchPage: fetchPage)
    }

    /// Walks the objects of the current page and fetches the next page when it runs out.
    public struct Iterator: AsyncIteratorProtocol {
        private let fetchPage: PageFetcher
        private var buffer: [Element] = []
        private var position = 0
        private var cursor: String?
        private var exhausted = false

        init(fetchPage: @escaping PageFetcher) {
            self.fetchPage = fetchPage
        }

        /// The next object, fetching a page when needed; `nil` once the list is done.
        public mutating func next() async throws -> Element? {
            while position >= buffer.count {
                guard !exhausted else { return nil }
                let page = try await fetchPage(cursor)
                buffer = page.data
                position = 0
                if page.data.isEmpty || !page.hasMore {
                    exhausted = true
                }
                cursor = page.data.last?.id
            }
            defer { position += 1 }
            return buffer[position]
        }
    }
}
