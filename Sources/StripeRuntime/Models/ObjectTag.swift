/// The discriminating fields every Stripe object carries, read ahead of decoding a union such as
/// "customer or deleted customer" to pick which member the payload is.
public struct ObjectTag: Decodable, Sendable {
    /// The value of the `object` field, for example `customer`.
    public let object: String?
    /// The value of the `deleted` field, present (and `true`) on deleted-object stubs.
    public let deleted: Bool?

    /// Creates a tag directly, mostly for tests.
    public init(object: String?, deleted: Bool? = nil) {
        self.object = object
        self.deleted = deleted
    }

    private enum CodingKeys: String, CodingKey {
        case object, deleted
    }

    /// Reads `object` and `deleted` leniently: absent or differently typed values become `nil`.
    public init(from decoder: any Decoder) throws {
        let container = try? decoder.container(keyedBy: CodingKeys.self)
        object = (try? container?.decodeIfPresent(String.self, forKey: .object)) ?? nil
        deleted = (try? container?.decodeIfPresent(Bool.self, forKey: .deleted)) ?? nil
    }
}
