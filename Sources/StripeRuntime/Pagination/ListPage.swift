/// One page of a list answer: the objects and whether more follow.
public struct ListPage<Element: Decodable & Sendable>: Decodable, Sendable {
    /// The objects on this page.
    public let data: [Element]
    /// Whether another page follows this one.
    public let hasMore: Bool
    /// The list's path, such as `/v1/checkout/sessions`.
    public let url: String?
    /// The object type, normally `list`.
    public let object: String?

    /// Creates a page, mostly for tests and fakes.
    public init(data: [Element], hasMore: Bool, url: String? = nil, object: String? = "list") {
        self.data = data
        self.hasMore = hasMore
        self.url = url
        self.object = object
    }

    private enum CodingKeys: String, CodingKey {
        case data, url, object
        case hasMore = "has_more"
    }

    /// Reads `data` and `has_more` (absent means no more), plus `url` and `object` when present.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        data = try container.decode([Element].self, forKey: .data)
        hasMore = try container.decodeIfPresent(Bool.self, forKey: .hasMore) ?? false
        url = try container.decodeIfPresent(String.self, forKey: .url)
        object = try container.decodeIfPresent(String.self, forKey: .object)
    }
}

extension ListPage: Encodable where Element: Encodable {
    /// Writes the page in the same shape it is read.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(data, forKey: .data)
        try container.encode(hasMore, forKey: .hasMore)
        try container.encodeIfPresent(url, forKey: .url)
        try container.encodeIfPresent(object, forKey: .object)
    }
}
