import StripeSpec

/// What an `anyOf`/`oneOf` of two or more alternatives (none of them `""`) becomes.
enum AlternativesShape {
    /// An id string or one of these identifiable components: `Expandable<T>`.
    case expandable([String])
    /// Components only: their shared union.
    case union([String])
    /// Anything else: an enum declared inline, one case per alternative.
    case mixed

    static func of(_ alternatives: [Schema], typeNames: [String: String],
                   document: OpenAPIDocument) -> AlternativesShape {
        let idMembers = alternatives.filter {
            if case .string = $0.kind, $0.enumValues == nil { return true } else { return false }
        }
        let references = alternatives.compactMap(\.referenceName)
        if idMembers.count == 1, references.count == alternatives.count - 1, !references.isEmpty,
           references.allSatisfy({ typeNames[$0] != nil && ComponentShape.isIdentifiable($0, in: document) }) {
            return .expandable(references)
        }
        if references.count == alternatives.count, references.allSatisfy({ typeNames[$0] != nil }) {
            return .union(references)
        }
        return .mixed
    }
}
