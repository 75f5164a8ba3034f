/// The names a stretch of translation claimed, in order. A stretch translated from an earlier state (on another
/// core) is kept only if replaying its log on the real state gives the same names (see `TwoCoreTranslation`).
struct ClaimLog: Sendable {
    /// A top-level name asked for and the name given.
    struct TopLevelClaim: Sendable {
        var base: String
        var suffix: String
        var name: String
    }

    var topLevel: [TopLevelClaim] = []
    /// Nested names given after checking them against the top-level names of the time.
    var nested: [String] = []
    /// A shared union created (not reused): its members and name.
    struct CreatedUnion: Sendable {
        var members: [String]
        var name: String
    }

    var createdUnions: [CreatedUnion] = []
}
