#if Emulator
/// The paging part of a list request: how many, and from which cursor.
struct ListRequest: Sendable {
    var limit: Int
    var startingAfter: String?
    var endingBefore: String?

    /// Reads `limit` (1–100, default 10), `starting_after` and `ending_before` from a query.
    init(_ query: FormTree) throws(APIError) {
        if let text = query["limit"]?.string {
            guard let limit = Int(text), (1...100).contains(limit) else {
                throw APIError.invalidRequest("Invalid limit: must be between 1 and 100.", param: "limit")
            }
            self.limit = limit
        } else {
            self.limit = 10
        }
        startingAfter = query["starting_after"]?.string
        endingBefore = query["ending_before"]?.string
        if startingAfter != nil && endingBefore != nil {
            throw APIError.invalidRequest("You may only specify one of these parameters: ending_before, starting_after.",
                                          param: "ending_before")
        }
    }

    /// One page of `items` (already in display order), following the cursors by id.
    func page<Element>(of items: [Element], id: (Element) -> String) throws(APIError) -> (data: [Element], hasMore: Bool) {
        if let cursor = startingAfter {
            guard let index = items.firstIndex(where: { id($0) == cursor }) else { throw missingCursor(cursor, "starting_after") }
            let rest = items[(index + 1)...]
            return (Array(rest.prefix(limit)), rest.count > limit)
        }
        if let cursor = endingBefore {
            guard let index = items.firstIndex(where: { id($0) == cursor }) else { throw missingCursor(cursor, "ending_before") }
            let before = items[..<index]
            return (Array(before.suffix(limit)), before.count > limit)
        }
        return (Array(items.prefix(limit)), items.count > limit)
    }

    func missingCursor(_ id: String, _ param: String) -> APIError {
        APIError.invalidRequest("No such object: '\(id)'", param: param, code: "resource_missing")
    }
}
#endif
