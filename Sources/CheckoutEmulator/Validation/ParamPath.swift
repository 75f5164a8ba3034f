#if Emulator
/// Where a parameter sits in a request, printed in Stripe's bracket syntax:
/// `line_items[0][price_data][currency]`.
struct ParamPath: Sendable, Hashable, CustomStringConvertible {
    private(set) var segments: [String]

    init(_ segments: [String] = []) {
        self.segments = segments
    }

    /// This path with one more segment.
    func appending(_ segment: String) -> ParamPath {
        ParamPath(segments + [segment])
    }

    /// This path with a list index appended.
    func appending(index: Int) -> ParamPath {
        appending(String(index))
    }

    var description: String {
        guard let first = segments.first else { return "" }
        return first + segments.dropFirst().map { "[\($0)]" }.joined()
    }
}
#endif
