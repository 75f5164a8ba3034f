#if Emulator
import Foundation

/// Durations written as people write them on a command line: a number and a unit, or several in a row, such as
/// `500ms`, `90s`, `15m`, `72h`, `3d`, `1h30m` or `1.5h`.
public enum DurationText {
    /// The longest duration accepted, so that no later arithmetic can overflow.
    public static let longest: Duration = .seconds(366 * 86_400)

    /// The units, longest spelling first so that `ms` is not read as `m`.
    private static let units: [(name: String, seconds: Double)] = [
        ("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86_400),
    ]

    /// The duration `text` writes, or an error saying what is wrong with it.
    public static func parse(_ text: String) throws(DurationTextError) -> Duration {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw DurationTextError(text, "is empty") }
        var rest = Substring(trimmed)
        var seconds = 0.0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard !number.isEmpty, let value = Double(number) else {
                throw DurationTextError(text, "needs a number before each unit")
            }
            rest = rest.dropFirst(number.count)
            let unitText = rest.prefix { $0.isASCII && $0.isLetter }
            guard !unitText.isEmpty else { throw DurationTextError(text, "needs a unit after \(number)") }
            guard let unit = units.first(where: { $0.name == unitText }) else {
                throw DurationTextError(text, "has the unknown unit '\(unitText)'")
            }
            rest = rest.dropFirst(unitText.count)
            seconds += value * unit.seconds
        }
        guard seconds <= Double(longest.components.seconds) else {
            throw DurationTextError(text, "is longer than 366 days")
        }
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }
}

/// Why a text is not a duration; the description names the text and the rule it breaks.
public struct DurationTextError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, for example `'3x' has the unknown unit 'x' (use ms, s, m, h or d, as in 90s, 72h or 3d)`.
    public var description: String

    init(_ text: String, _ problem: String) {
        description = "'\(text)' \(problem) (use ms, s, m, h or d, as in 90s, 72h or 3d)"
    }
}
#endif
